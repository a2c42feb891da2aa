"use client";

import { useState } from "react";

export type DeckScope = { slug: string; title: string; sections: string[] };

type Props = {
  id: string;
  scopes: DeckScope[];
  deckLabel: string;
  sectionsLabel: string;
  deck?: string;
  checked?: string[];
};

/** A deck to choose, and its top-level sections as checkboxes (`deck`, `section` fields). */
export function DeckScopeFields({ id, scopes, deckLabel, sectionsLabel, deck: initial, checked = [] }: Props) {
  const [deck, setDeck] = useState(initial ?? scopes[0]?.slug ?? "");
  const sections = scopes.find((scope) => scope.slug === deck)?.sections ?? [];
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium">
          {deckLabel}
        </label>
        <select
          id={id}
          name="deck"
          value={deck}
          onChange={(event) => setDeck(event.target.value)}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {scopes.map((scope) => (
            <option key={scope.slug} value={scope.slug}>
              {scope.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{sectionsLabel}</legend>
        {sections.map((section) => (
          <label key={section} className="flex items-center gap-2">
            <input type="checkbox" name="section" value={section} defaultChecked={checked.includes(section)} />
            <span>{section}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
