/**
 * The repository the package is published from: `repository.url` of package.json, without the
 * `git+` prefix and `.git` suffix. Messages link to the documentation there, since the packed
 * package ships `dist/` and the README but not `docs/` or `examples/`.
 */
export const REPOSITORY_URL = 'https://github.com/redflags/redflags';

/**
 * The web address of a documentation file of the repository, e.g.
 * `docsLink('docs/configuration.md')`. Use it wherever a message or description points a user at
 * a file: a relative path names nothing once the package is installed.
 *
 * @param path - The file's path from the repository root, such as `docs/cli.md`.
 */
export function docsLink(path: string): string {
  return `${REPOSITORY_URL}/blob/main/${path}`;
}
