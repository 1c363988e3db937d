/** A person as the name index takes it: every name of it is matched, the facts rank namesakes. */
export interface PersonEntry {
  id: string;
  names: Array<{ value: string; type?: 'primary' | 'alias' | 'original' | string; script?: string }>;
  birthDates?: string[];
  nationalities?: string[];
  gender?: 'male' | 'female' | 'unknown' | string;
}

/** A person of the index: its entry, and the entry (name) ids of its names. */
export interface Person {
  entry: PersonEntry;
  /** Entry (name) ids of this person. */
  names: number[];
}
