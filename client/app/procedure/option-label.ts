import { optionNames } from '@contract/procedure-words';
import type { Language } from '../i18n/translation-state';
import type { OptionMeaning } from '../shared/graphql-schema.generated';

/** The standard options as the protocol words them (contract/procedure-words.ts), by the GraphQL enum. */
function standardLabelsIn(language: Language): Readonly<Record<Exclude<OptionMeaning, 'OTHER'>, string>> {
  const names = optionNames[language];
  return { YES: names.yes, NO: names.no, ABSTAIN: names.abstain };
}

const standardLabels: Readonly<Record<Language, Readonly<Record<Exclude<OptionMeaning, 'OTHER'>, string>>>> = {
  en: standardLabelsIn('en'),
  de: standardLabelsIn('de'),
};

/** The standard option words in every language, lower case. */
const standardWords = new Set(Object.values(standardLabels).flatMap((labels) => Object.values(labels).map((label) => label.toLowerCase())));

/**
 * How a vote option reads: the standard options (yes, no, abstain, under any of their usual labels)
 * in the interface language; a custom option as the chair wrote it.
 */
export function optionLabel(option: { readonly label: string; readonly meaning: OptionMeaning }, language: Language): string {
  if (option.meaning !== 'OTHER' && (option.label.trim() === '' || standardWords.has(option.label.trim().toLowerCase()))) {
    return standardLabels[language][option.meaning];
  }
  return option.label;
}

/** The standard option label for a meaning, in the given language (for new drafts). */
export function standardOptionLabel(meaning: Exclude<OptionMeaning, 'OTHER'>, language: Language): string {
  return standardLabels[language][meaning];
}

/**
 * A label as the public results carry it, without its meaning: any standard word (yes, no, abstain,
 * in either language) in the interface language; anything else as the chair wrote it.
 */
export function publishedOptionLabel(label: string, language: Language): string {
  const word = label.trim().toLowerCase();
  for (const labels of Object.values(standardLabels)) {
    const meaning = (Object.keys(labels) as Exclude<OptionMeaning, 'OTHER'>[]).find((key) => labels[key].toLowerCase() === word);
    if (meaning !== undefined) {
      return standardLabels[language][meaning];
    }
  }
  return label;
}
