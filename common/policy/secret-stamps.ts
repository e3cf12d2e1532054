/**
 * Đ3.1 (Đ3.1): documents stamped MẬT / TỐI MẬT / TUYỆT MẬT must not go by e-mail. Before sending we
 * look for the stamp where a sender would see it: the subject and the attachments' names. Stamps
 * are written in capitals, so only capitals count ("mật khẩu" is a password, not a secret).
 */
export type SecretStamp = 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT';
export interface StampHit {
  /** 'subject' or the attachment's file name. */
  where: 'subject' | { filename: string };
  stamp: SecretStamp;
}

// Not a letter or digit on either side: "_" and "-" separate words in file names.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// Capitalised words that begin with MẬT but are no stamp: MẬT KHẨU (password), MẬT MÃ (cipher),
// MẬT ĐỘ (density), MẬT ONG (honey), MẬT THIẾT (close).
const NOT_A_STAMP = `(?![\\s_.-]+(?:KHẨU|MÃ|ĐỘ|ONG|THIẾT)${E})`;
const SEP = '[\\s_.-]*';

const ACCENTED = new RegExp(`${B}(?:(TUYỆT|TỐI)${SEP})?MẬT${E}${NOT_A_STAMP}`, 'u');
// File names often lose their accents ("TUYET_MAT.docx"). A bare "MAT" is also MẶT or MẤT
// ("MAT_BANG" is a floor plan), so unaccented it counts only with TỐI/TUYỆT, after ĐỘ ("DO MAT"),
// or set apart in brackets ("[MAT]", "(MAT)").
const UNACCENTED = new RegExp(`${B}(?:(TUYET|TOI)${SEP}MAT|DO${SEP}MAT|[[(]\\s*MAT\\s*[\\])])${E}`, 'u');

function stampIn(text: string, fileName: boolean): SecretStamp | null {
  const nfc = text.normalize('NFC');
  const accented = ACCENTED.exec(nfc);
  if (accented) return stampFor(accented[1]);
  if (!fileName) return null;
  const bare = UNACCENTED.exec(nfc);
  return bare ? stampFor(bare[1]) : null;
}

function stampFor(prefix: string | undefined): SecretStamp {
  if (prefix === 'TUYỆT' || prefix === 'TUYET') return 'TUYỆT MẬT';
  if (prefix === 'TỐI' || prefix === 'TOI') return 'TỐI MẬT';
  return 'MẬT';
}

/** Every place that carries a state-secret stamp; empty when the message may go. */
export function findSecretStamps(subject: string, filenames: readonly string[]): StampHit[] {
  const hits: StampHit[] = [];
  const inSubject = stampIn(subject, false);
  if (inSubject) hits.push({ where: 'subject', stamp: inSubject });
  for (const filename of filenames) {
    const stamp = stampIn(filename, true);
    if (stamp) hits.push({ where: { filename }, stamp });
  }
  return hits;
}
