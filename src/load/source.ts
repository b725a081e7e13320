import type { Stats } from 'node:fs';

/** One entry file as read from disk: its text, or why it could not be read. */
export interface SourceFile {
  /** The path as displayed to the user. */
  file: string;
  /** The file's text, or the reason it could not be read. */
  text?: string;
  readError?: string;
  /** Why the text was not read, when that is a problem of the file itself rather than of reading it. */
  readProblem?: ReadProblem;
}

/** A file refused before parsing: not UTF-8 (with the first bad byte's place) or a link out of the catalogue. */
export interface ReadProblem {
  kind: 'encoding' | 'outside';
  line: number;
  column: number;
  message: string;
}

/** What identifies a version of a file without reading it, from its stat: the cache's key (store/identity.ts). */
export type FileStamp = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;
