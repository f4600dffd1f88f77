// The bulk download (/api/v1/data.zip): one zip with every CSV table (exports/tables.ts), the
// places as GeoJSON, datapackage.json describing them all (exports/datapackage.ts) and a README
// (exports/readme.ts). Zipped with fflate (deflate); every file is dated with the data's newest
// change, so the same data always gives the same bytes (the export's ETag names the data, not
// the moment it was zipped).
// The route streams it (bundleZipChunks): fflate's streaming `Zip` with one `ZipDeflate` per file,
// fed a page of rows at a time, so the zip never holds a whole file. datapackage.json comes second
// in the zip and lists every later file's bytes and SHA-256, so the files are read twice: a first
// pass over the pages measures and hashes each file's text (nothing kept but the counts and the
// hash state), the second writes the zip. Two passes over D1, rather than datapackage.json moved
// to the end of the zip: the zip keeps its order (README and description first, as a reader of a
// streamed zip meets them), and the first pass costs reads and text, not compression. D1 has no
// snapshot across queries: an editor's write between the first pass and the end of the second
// would leave datapackage.json describing the files as they were at the first pass. The zip then
// still completes (a partner's download is never cut short), the worker logs it, and the next
// download, at the new data version, is whole again. A streamed zip's entries carry data
// descriptors (sizes after the data), so its bytes differ from bundleZip()'s for the same files;
// the files inside are the same bytes.
import { createHash } from 'node:crypto'
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate'
import { sha256Hex } from '../lib/sha256'
import { dataPackage, GEOJSON_RESOURCE, type PackedFile } from './datapackage'
import { placesGeoJson, placesGeoJsonChunks } from './geojson'
import type { ExportReader } from './reader'
import { bundleReadme } from './readme'
import { contextOf, CSV_TABLES, tableCsv, tableCsvChunks, type ExportSource } from './tables'

/** The names of the files in the zip, in its order. */
export const BUNDLE_FILES = [
  'README.md',
  'datapackage.json',
  ...CSV_TABLES.map((t) => t.file),
  GEOJSON_RESOURCE.file,
] as const

/** The deflate level of every file (fflate's default, as zip tools use). */
const LEVEL = 6

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
  const context = contextOf(source)
  const pkg = dataPackage(context, described, await packed(GEOJSON_RESOURCE.file, geojson))
  return {
    'README.md': bundleReadme(context, CSV_TABLES),
    'datapackage.json': `${JSON.stringify(pkg, null, 2)}\n`,
    ...Object.fromEntries(csvs.map(({ table, text }) => [table.file, text])),
    [GEOJSON_RESOURCE.file]: geojson,
  }
}

/** The zip itself, whole: every file of bundleFiles(), deflated, dated `source.modified`. */
export async function bundleZip(source: ExportSource): Promise<Uint8Array<ArrayBuffer>> {
  const files = await bundleFiles(source)
  const mtime = new Date(source.modified)
  return zipSync(
    Object.fromEntries(
      BUNDLE_FILES.map((name) => [name, [strToU8(files[name] ?? ''), { mtime }] as const]),
    ),
    { level: LEVEL },
  )
}

/** A file's bytes (UTF-8) and SHA-256, measured as its text goes by; the text is not kept. */
async function measured(path: string, chunks: AsyncIterable<string>): Promise<PackedFile> {
  const hash = createHash('sha256')
  const encoder = new TextEncoder()
  let bytes = 0
  for await (const chunk of chunks) {
    const data = encoder.encode(chunk)
    bytes += data.byteLength
    hash.update(data)
  }
  return { path, bytes, sha256: hash.digest('hex') }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text
}

/**
 * The zip as bytes a part at a time, read from `reader` (see the file's header): the same files,
 * in the same order and with the same dates, as bundleZip() for the same data.
 */
export async function* bundleZipChunks(reader: ExportReader): AsyncGenerator<Uint8Array> {
  // First pass: each file's size and hash, for datapackage.json.
  const described: { table: (typeof CSV_TABLES)[number]; file: PackedFile }[] = []
  for (const table of CSV_TABLES) {
    described.push({ table, file: await measured(table.file, tableCsvChunks(table, reader)) })
  }
  const geojson = await measured(GEOJSON_RESOURCE.file, placesGeoJsonChunks(reader))
  const pkg = dataPackage(reader, described, geojson)
  const texts: Partial<Record<string, () => AsyncIterable<string>>> = {
    'README.md': () => once(bundleReadme(reader, CSV_TABLES)),
    'datapackage.json': () => once(`${JSON.stringify(pkg, null, 2)}\n`),
    ...Object.fromEntries(CSV_TABLES.map((t) => [t.file, () => tableCsvChunks(t, reader)])),
    [GEOJSON_RESOURCE.file]: () => placesGeoJsonChunks(reader),
  }

  // Second pass: the zip. fflate calls back synchronously from push() and end(); what it gave
  // is sent before the next page is read.
  const ready: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((err, data) => {
    if (err) failure = err
    else ready.push(data)
  })
  const taken = function* (): Generator<Uint8Array> {
    if (failure) throw failure
    yield* ready.splice(0)
  }
  const encoder = new TextEncoder()
  const mtime = new Date(reader.modified)
  for (const name of BUNDLE_FILES) {
    const file = new ZipDeflate(name, { level: LEVEL })
    file.mtime = mtime
    zip.add(file)
    for await (const text of texts[name]!()) {
      file.push(encoder.encode(text))
      yield* taken()
    }
    file.push(new Uint8Array(0), true)
    yield* taken()
  }
  zip.end()
  yield* taken()
  if (await reader.changed()) {
    console.warn(
      'data.zip: the data changed while it was written; its datapackage.json may describe the files as they were at its start',
    )
  }
}
