import { foldVietnamese } from '../policy/fold-vietnamese';

/**
 * Pigeonhole implements no `i;unicode-casemap` comparator (its capability list has only
 * i;octet, i;ascii-casemap and i;ascii-numeric), and i;ascii-casemap folds only A–Z. So a
 * tone-less condition is written as a POSIX extended regex in which every letter stands for all
 * its Vietnamese forms in both cases: "cong van" → "(c|C)(o|O|ó|Ó|…|ợ|Ợ)(n|N)(g|G) (v|V)(a|A|…)(n|N)".
 * Alternations of whole characters rather than bracket expressions, because the Sieve engine may
 * run in the C locale, where a bracket expression sees the bytes of a UTF-8 letter, not the letter.
 * PURE. Only precomposed (NFC) text matches, which is what mail clients send.
 */
const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz';

/** Base letter (as the search's fold writes it) → every letter that folds to it, both cases. */
const FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const forms = new Map<string, string[]>();
  for (const letter of VIETNAMESE_LETTERS) {
    const base = foldVietnamese(letter);
    const list = forms.get(base) ?? [];
    list.push(letter, letter.toUpperCase());
    forms.set(base, list);
  }
  return forms;
})();

const REGEX_SPECIAL = /[.[\]{}()*+?^$|\\]/;

/** A regex (POSIX ERE) matching `text` anywhere, without regard to tones or case. */
export function toneInsensitivePattern(text: string): string {
  let pattern = '';
  for (const char of foldVietnamese(text.normalize('NFC'))) {
    const forms = FORMS.get(char);
    if (forms) pattern += `(${forms.join('|')})`;
    else if (char === ' ') pattern += '[ \t]+';
    else pattern += REGEX_SPECIAL.test(char) ? `\\${char}` : char;
  }
  return pattern;
}
