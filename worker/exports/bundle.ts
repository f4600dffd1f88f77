// The bulk download (/api/v1/data.zip): one zip with every CSV table (exports/tables.ts), the
// places as GeoJSON, datapackage.json describing them all (exports/datapackage.ts) and a README
// (exports/readme.ts). Zipped with fflate (deflate); every file is dated with the data's newest
// change, so the same data always gives the same bytes (the export's ETag names the data, not
// the moment it was zipped).
import { strToU8, zipSync } from 'fflate'
import { sha256Hex } from '../lib/sha256'
import { dataPackage, GEOJSON_RESOURCE, type PackedFile } from './datapackage'
import { placesGeoJson } from './geojson'
import { bundleReadme } from './readme'
import { CSV_TABLES, tableCsv, type ExportSource } from './tables'

/** The names of the files in the zip, in its order. */
export const BUNDLE_FILES = [
  'README.md',
  'datapackage.json',
  ...CSV_TABLES.map((t) => t.file),
  GEOJSON_RESOURCE.file,
] as const

async function packed(path: string, text: string): Promise<PackedFile> {
  return { path, bytes: new TextEncoder().encode(text).length, sha256: await sha256Hex(text) }
}

/** The zip's files as text, by name (see the file's header), for the story in `source`. */
export async function bundleFiles(source: ExportSource): Promise<Record<string, string>> {
  const csvs = CSV_TABLES.map((table) => ({ table, text: tableCsv(table, source) }))
  const geojson = JSON.stringify(placesGeoJson(source.story, source.origin))
  const described = await Promise.all(
    csvs.map(async ({ table, text }) => ({ table, file: await packed(table.file, text) })),
  )
  const pkg = dataPackage(source, described, await packed(GEOJSON_RESOURCE.file, geojson))
  return {
    'README.md': bundleReadme(source, CSV_TABLES),
    'datapackage.json': `${JSON.stringify(pkg, null, 2)}\n`,
    ...Object.fromEntries(csvs.map(({ table, text }) => [table.file, text])),
    [GEOJSON_RESOURCE.file]: geojson,
  }
}

/** The zip itself: every file of bundleFiles(), deflated, dated `source.modified`. */
export async function bundleZip(source: ExportSource): Promise<Uint8Array<ArrayBuffer>> {
  const files = await bundleFiles(source)
  const mtime = new Date(source.modified)
  return zipSync(
    Object.fromEntries(
      BUNDLE_FILES.map((name) => [name, [strToU8(files[name] ?? ''), { mtime }] as const]),
    ),
    { level: 6 },
  )
}
