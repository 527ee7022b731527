/** The office's database inside its data folder. */
export const DATABASE_FILE = 'office.db';
