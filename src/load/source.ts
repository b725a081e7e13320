/** One entry file as read from disk: its text, or why it could not be read. */
export interface SourceFile {
  /** The path as displayed to the user. */
  file: string;
  /** The file's text, or the reason it could not be read. */
  text?: string;
  readError?: string;
}
