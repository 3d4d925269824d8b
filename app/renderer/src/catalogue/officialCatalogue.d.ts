/**
 * The official pack's catalogue. There is no such file on disk: the Vite plugin in
 * `app/renderer/build/catalogue.ts` answers the import `./officialCatalogue.js` with JSON built
 * from `courses/` at build time. This declaration gives it its type.
 */
import type { Catalogue } from './catalogue.ts'

declare const catalogue: Catalogue
export default catalogue
