// The preview's defaults, in a module of their own so the CLI can read them without loading
// the preview server.

/** The preview listens on this computer only unless told otherwise. */
export const defaultHost = '127.0.0.1'
