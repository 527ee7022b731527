/** Kept in step with package.json by the release process (checked by a unit test). */
export const APP_VERSION = '0.1.0';
