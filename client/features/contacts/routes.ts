/** The address book is a screen of the mail app: /danh-ba. */
export const CONTACTS_PATH = '/danh-ba';
export const isContactsPath = (path: string) => /^\/danh-ba\/?$/.test(path);
