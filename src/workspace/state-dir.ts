/**
 * The workspace's state folder and what it holds. Apart from the journal's
 * schema, so the look for an interrupted write before every command loads nothing else.
 */
export const STATE_DIR = '.modelshift';
export const JOURNAL_FILE = `${STATE_DIR}/write-journal.json`;
export const TEMP_DIR = `${STATE_DIR}/tmp`;
