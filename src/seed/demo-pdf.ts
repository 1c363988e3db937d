import PDFDocument from 'pdfkit';

/**
 * A one-page A4 PDF of a title and a few lines (pdfkit, Helvetica: Latin-1 text, so French and
 * Spanish accents), for the demo's message attachments: a fingerprint form, a vehicle file.
 * @example const bytes = await demoPdf('Fiche signalétique', ['Nom : …', 'Né le : …'], new Date());
 */
export function demoPdf(title: string, lines: readonly string[], at: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: 'Ribat demo', CreationDate: at } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(15).text(title);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}
