/**
 * The federation module's tables, kept in its folder: its repo sees them through
 * `db.withTables<FederationTables>()`, so the node's central schema does not grow per module.
 */
import type { ColumnType, JSONColumnType } from 'kysely';
import type { Ed25519Jwk } from './keys.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export type FederationTables = {
  federationKeys: { kid: string; jwk: Json<Ed25519Jwk>; privatePem: string; createdAt: Timestamp; retiresAt: Timestamp | null };
  federationPartners: {
    id: string;
    names: Json<Record<string, string>>;
    baseUrl: string;
    transport: string;
    agencies: Json<string[]>;
    suspended: boolean;
    createdAt: Timestamp;
    updatedAt: Timestamp;
  };
  federationPartnerKeys: { partnerId: string; kid: string; jwk: Json<Ed25519Jwk>; pinnedAt: Timestamp; retiresAt: Timestamp | null };
  federationAgreements: {
    id: string;
    partnerId: string;
    direction: string;
    categories: Json<string[]>;
    maxTlp: string;
    mayForward: boolean;
    validFrom: string;
    validTo: string | null;
    legalBasis: string;
    clause: string;
    suspended: boolean;
    createdAt: Timestamp;
    updatedAt: Timestamp;
  };
  federationOutbox: {
    id: string;
    partnerId: string;
    type: string;
    category: string;
    itemId: string;
    tlp: string;
    body: Json<Record<string, unknown>>;
    hops: number;
    status: string;
    clause: string | null;
    reason: string | null;
    detail: string | null;
    attempts: number;
    nextAttemptAt: Timestamp;
    receipt: Json<Record<string, unknown>> | null;
    createdAt: Timestamp;
    updatedAt: Timestamp;
  };
  federationInbox: {
    sender: string;
    id: string;
    type: string | null;
    sha256: string | null;
    status: string;
    reason: string | null;
    detail: string | null;
    receipt: Json<Record<string, unknown>>;
    receivedAt: Timestamp;
  };
  federationItems: {
    ownerNode: string;
    itemId: string;
    category: string;
    version: number;
    tlp: string;
    body: Json<Record<string, unknown>>;
    receivedFrom: string;
    receivedAt: Timestamp;
    withdrawnAt: Timestamp | null;
  };
};
