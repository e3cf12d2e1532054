import mammoth from 'mammoth';
import { ApiError } from '../errors';
import { canonicalZip, readZipEntries, type ZipLimits } from './office-zip';
import { cleanConvertedHtml, MAX_IMAGE_URL_LENGTH } from './preview-html';

const SHOWN_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * A Word document (.docx) as HTML, by mammoth: the document's structure (headings, lists, tables,
 * emphasis, links, footnotes) without its styling. Pictures embedded in the file become data: URLs;
 * linked pictures (outside the file) are never read — mammoth's externalFileAccess stays off — and
 * macros are not part of a .docx (a .docm is not previewed).
 */
export async function docxToHtml(bytes: Buffer, limits: ZipLimits): Promise<string> {
  const entries = readZipEntries(bytes, limits);
  if (!entries.has('word/document.xml')) throw new ApiError('preview_wrong_format');
  const buffer = await canonicalZip(entries, [
    '[Content_Types].xml',
    '_rels/.rels',
    'word/_rels/document.xml.rels',
  ]);
  let result: { value: string };
  try {
    result = await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async (image) => {
          if (!SHOWN_IMAGE_TYPES.has(image.contentType)) return { src: '' };
          const data = await image.readAsBase64String();
          const src = `data:${image.contentType};base64,${data}`;
          return src.length <= MAX_IMAGE_URL_LENGTH ? { src } : { src: '' };
        }),
      },
    );
  } catch (error) {
    // The zip was sound; the XML inside it was not what Word writes.
    throw new ApiError('preview_damaged', { reason: 'document' }, { cause: error });
  }
  return cleanConvertedHtml(result.value);
}
