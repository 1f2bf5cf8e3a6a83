/** The version of the redflags package, reported in every report's metadata. */
export const VERSION = '0.2.0';
