/**
 * Text for diacritic-insensitive matching: "Trần Văn Thanh" → "tran van thanh", "Điện tử" →
 * "dien tu". Many users type without tones; đ/Đ has no Unicode decomposition, so it is mapped by
 * hand. PURE. Spaces collapse to one; everything else (digits, @, .) stays.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
