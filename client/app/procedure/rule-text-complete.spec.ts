import { allRuleCodes } from '@contract/rule-codes';
import { ruleText } from './rule-text';

describe('rule texts', () => {
  it('give every rule code of the contract a text in English and in German', () => {
    expect(allRuleCodes.length).toBeGreaterThan(0);
    for (const language of ['en', 'de'] as const) {
      const texts: Readonly<Record<string, string>> = ruleText[language];
      for (const code of allRuleCodes) {
        expect(typeof texts[code] === 'string' && texts[code].trim() !== '')
          .withContext(`${language} ${code}`)
          .toBeTrue();
      }
      expect(Object.keys(texts).sort()).toEqual([...allRuleCodes].sort());
    }
  });

  it('differ between the languages for every rule', () => {
    for (const code of allRuleCodes) expect(ruleText.de[code]).withContext(code).not.toBe(ruleText.en[code]);
  });
});
