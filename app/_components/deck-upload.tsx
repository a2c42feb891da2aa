"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import {
  applyUpdateAction,
  createDeckAction,
  editCardAction,
  type PreviewDto,
  previewDeckAction,
  previewUpdateAction,
  type UpdatePreviewState,
} from "@/app/(study)/decks/actions";
import type { Corrections } from "@/cards/corrections";
import type { DeckDraft } from "@/cards/draft";
import { CardText } from "./card-text";
import { cell } from "./data-table";
import { NoteLanguageOptions } from "./note-languages";
import { Button } from "./ui/button";

type Draft = DeckDraft;

type Props = {
  /** Teams the user manages: a new deck may be theirs to study. */
  teams?: { id: string; name: string }[];
  /** Updating one of the user's decks: its slug and what it keeps (title, language, corrections, dropped cards). */
  update?: { slug: string; title: string; language: string; corrections: Corrections; dropped: string[] };
};

const input = "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";

/** Notes read from the chosen files: markdown joined in order, or a deck exported before. */
async function readFiles(files: FileList): Promise<Partial<Draft>> {
  const texts = await Promise.all([...files].map(async (file) => ({ name: file.name, text: await file.text() })));
  const exported = texts.find((file) => file.name.endsWith(".json"));
  if (exported) {
    const value = JSON.parse(exported.text) as Partial<Draft> & { format?: string };
    if (value.format === "kioku-deck") return value;
  }
  return { notes: texts.map((file) => file.text).join("\n\n"), source: texts.map((file) => file.name).join(", ") };
}

/** Upload notes, see the cards they make, accept corrections, drop or edit cards; then create the deck or apply the update. */
const pageSize = 200;

export function DeckUpload({ update, teams = [] }: Props) {
  const t = useTranslations("decks");
  const [draft, setDraft] = useState<Draft>({
    title: update?.title ?? "",
    language: update?.language ?? "ja",
    source: "",
    notes: "",
    corrections: update?.corrections ?? {},
    dropped: update?.dropped ?? [],
  });
  const [preview, setPreview] = useState<PreviewDto | null>(null);
  const [diff, setDiff] = useState<Extract<UpdatePreviewState, { kept: number }> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [team, setTeam] = useState<string>("");
  const [isPending, startTransition] = useTransition();
  // A large preview shows its cards and findings a page at a time (the counts cover all).
  const [shownCards, setShownCards] = useState(pageSize);
  const [shownFindings, setShownFindings] = useState(pageSize);

  const show = (next: Draft) => {
    setDraft(next);
    startTransition(async () => {
      setMessage(null);
      const result = update ? await previewUpdateAction(update.slug, next) : await previewDeckAction(next);
      if ("error" in result) {
        setPreview(null);
        setMessage(t(`error-${result.error}`, { line: "line" in result ? (result.line ?? 0) : 0 }));
        return;
      }
      setDiff("kept" in result ? (result as Extract<UpdatePreviewState, { kept: number }>) : null);
      setPreview(result.preview ?? null);
    });
  };
  const accept = (line: number, fix: { find: string; replace: string }, reason: string) =>
    show({
      ...draft,
      corrections: {
        ...draft.corrections,
        [String(line)]: [...(draft.corrections[String(line)] ?? []), { ...fix, reason }],
      },
    });
  const toggle = (key: string) =>
    show({
      ...draft,
      dropped: draft.dropped.includes(key) ? draft.dropped.filter((k) => k !== key) : [...draft.dropped, key],
    });
  const edit = (line: number, before: string, after: string) =>
    startTransition(async () => {
      const result = await editCardAction({ draft, line, before, after });
      if ("error" in result) setMessage(t(`error-${result.error}`, { line }));
      else {
        setEditing(null);
        show({ ...draft, corrections: result.corrections });
      }
    });
  const finish = () =>
    startTransition(async () => {
      const result = update ? await applyUpdateAction(update.slug, draft) : await createDeckAction(draft, team || null);
      if (result && "error" in result)
        setMessage(t(`error-${result.error}`, { line: "line" in result ? (result.line ?? 0) : 0 }));
      else if (result && "status" in result) {
        setMessage(t("applied"));
        setDiff(null);
        setPreview(null);
      }
    });

  const sections = new Map<string, Map<string, number>>();
  for (const card of preview?.cards.filter((c) => !c.isDropped) ?? []) {
    const kinds = sections.get(card.section[0] ?? "") ?? new Map<string, number>();
    kinds.set(card.kind, (kinds.get(card.kind) ?? 0) + 1);
    sections.set(card.section[0] ?? "", kinds);
  }
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        {!update && (
          <div className="space-y-1">
            <label htmlFor="deck-title" className="block text-sm font-medium">
              {t("deckTitle")}
            </label>
            <input
              id="deck-title"
              className={input}
              value={draft.title}
              maxLength={120}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
          </div>
        )}
        {!update && teams.length > 0 && (
          <div className="space-y-1">
            <label htmlFor="deck-team" className="block text-sm font-medium">
              {t("studiedBy")}
            </label>
            <select id="deck-team" className={input} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">{t("onlyMe")}</option>
              {teams.map((option) => (
                <option key={option.id} value={option.id}>
                  {t("teamOption", { team: option.name })}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor="deck-language" className="block text-sm font-medium">
            {t("language")}
          </label>
          <select
            id="deck-language"
            className={input}
            value={draft.language}
            onChange={(e) => setDraft({ ...draft, language: e.target.value })}
          >
            <NoteLanguageOptions />
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="deck-files" className="block text-sm font-medium">
            {t("files")}
          </label>
          <input
            id="deck-files"
            type="file"
            multiple
            accept=".md,.markdown,.txt,.json,text/markdown,text/plain,application/json"
            onChange={async (e) => {
              if (!e.target.files?.length) return;
              const read = await readFiles(e.target.files).catch(() => null);
              if (!read) return setMessage(t("error-unreadable"));
              setDraft({
                ...draft,
                ...read,
                title: draft.title || read.title || read.source?.replace(/\.[^.]+$/, "") || "",
              });
            }}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="deck-notes" className="block text-sm font-medium">
            {t("paste")}
          </label>
          <textarea
            id="deck-notes"
            className={`${input} h-40 font-mono text-sm`}
            value={draft.notes}
            onChange={(e) => setDraft({ ...draft, notes: e.target.value, source: draft.source || "pasted" })}
          />
        </div>
        <Button
          disabled={isPending || !draft.notes.trim() || !draft.title.trim()}
          onClick={() => show({ ...draft, source: draft.source || "pasted" })}
        >
          {t(update ? "previewUpdate" : "preview")}
        </Button>
      </div>
      {message && (
        <p role="alert" className="text-sm">
          {message}
        </p>
      )}
      {diff && (
        <section aria-labelledby="diff-title" className="space-y-2">
          <h2 id="diff-title" className="text-xl font-semibold">
            {t("diffTitle")}
          </h2>
          <p data-testid="diff">
            {t("diffSummary", {
              kept: diff.kept,
              reworded: diff.reworded.length,
              added: diff.added.length,
              retired: diff.retired.length,
              restored: diff.restored.length,
            })}
          </p>
          {(["reworded", "added", "retired", "restored"] as const).map((kind) =>
            diff[kind].length > 0 ? (
              <details key={kind} className="text-sm">
                <summary>{t(`diff-${kind}`, { count: diff[kind].length })}</summary>
                <ul className="list-disc pl-6">
                  {diff[kind].slice(0, 200).map((prompt, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: prompts may repeat; a fixed list.
                    <li key={i} lang={draft.language}>
                      <CardText text={prompt} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null,
          )}
        </section>
      )}
      {preview && (
        <>
          <section aria-labelledby="preview-title" className="space-y-2">
            <h2 id="preview-title" className="text-xl font-semibold">
              {t("previewTitle", { count: preview.cards.filter((c) => !c.isDropped).length })}
            </h2>
            <table className="text-sm" data-testid="per-section">
              <thead>
                <tr>
                  <th className={cell}>{t("section")}</th>
                  <th className={cell}>{t("kinds")}</th>
                </tr>
              </thead>
              <tbody>
                {[...sections].map(([section, kinds]) => (
                  <tr key={section}>
                    <td className={cell} lang={draft.language}>
                      {section}
                    </td>
                    <td className={cell}>{[...kinds].map(([kind, n]) => `${t(`kind-${kind}`)} ${n}`).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button disabled={isPending} onClick={finish}>
              {t(update ? "apply" : "create")}
            </Button>
          </section>
          <section aria-labelledby="findings-title" className="space-y-2">
            <h2 id="findings-title" className="text-xl font-semibold">
              {t("findings", { count: preview.findings.length })}
            </h2>
            <ul className="space-y-1 text-sm">
              {preview.findings.slice(0, shownFindings).map((finding) => (
                <li key={`${finding.line}:${finding.message}`}>
                  {t("atLine", { line: finding.line })} {finding.message}
                  {finding.corrected && ` (${t("corrected")})`}
                  {finding.fix && !finding.corrected && (
                    <button
                      type="button"
                      className="ml-2 rounded border px-2 text-xs"
                      onClick={() => finding.fix && accept(finding.line, finding.fix, finding.message)}
                    >
                      {t("accept", { find: finding.fix.find, replace: finding.fix.replace })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {preview.findings.length > shownFindings && (
              <Button variant="secondary" onClick={() => setShownFindings((shown) => shown + pageSize)}>
                {t("showMore", { count: Math.min(pageSize, preview.findings.length - shownFindings) })}
              </Button>
            )}
          </section>
          <section aria-labelledby="cards-title" className="space-y-2">
            <h2 id="cards-title" className="text-xl font-semibold">
              {t("cards")}
            </h2>
            <ol className="space-y-2 text-sm">
              {preview.cards.slice(0, shownCards).map((card) => (
                <li
                  key={card.key}
                  className={`rounded border p-2 ${card.isDropped ? "opacity-50" : ""}`}
                  lang={draft.language}
                >
                  {editing === card.key ? (
                    <CardEditor
                      card={card}
                      onSave={(field, after) => edit(card.lines[0], card[field], after)}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <>
                      <p className="font-medium">
                        <CardText text={card.prompt} />
                      </p>
                      <p>
                        <CardText text={card.answer} />
                      </p>
                    </>
                  )}
                  <p className="text-xs text-zinc-600 dark:text-zinc-400" lang="en">
                    {t(`kind-${card.kind}`)} · {card.section.join(" › ")} · {t("atLine", { line: card.lines[0] })}{" "}
                    <button type="button" className="underline" onClick={() => toggle(card.key)}>
                      {t(card.isDropped ? "keep" : "drop")}
                    </button>{" "}
                    <button type="button" className="underline" onClick={() => setEditing(card.key)}>
                      {t("edit")}
                    </button>
                  </p>
                </li>
              ))}
            </ol>
            {preview.cards.length > shownCards && (
              <Button variant="secondary" onClick={() => setShownCards((shown) => shown + pageSize)}>
                {t("showMore", { count: Math.min(pageSize, preview.cards.length - shownCards) })}
              </Button>
            )}
          </section>
          <section aria-labelledby="uncovered-title" className="space-y-2">
            <h2 id="uncovered-title" className="text-xl font-semibold">
              {t("uncovered", { count: preview.uncovered.length })}
            </h2>
            <ul className="space-y-1 text-sm">
              {preview.uncovered.slice(0, 500).map((line) => (
                <li key={line.line}>
                  {t("atLine", { line: line.line })} <span lang={draft.language}>{line.text}</span> — {line.reason}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

function CardEditor({
  card,
  onSave,
  onCancel,
}: {
  card: { prompt: string; answer: string };
  onSave: (field: "prompt" | "answer", after: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("decks");
  const [prompt, setPrompt] = useState(card.prompt);
  const [answer, setAnswer] = useState(card.answer);
  return (
    <div className="space-y-2">
      <label className="block">
        <span className="text-xs">{t("prompt")}</span>
        <input className={input} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <label className="block">
        <span className="text-xs">{t("answer")}</span>
        <input className={input} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </label>
      <div className="flex gap-2">
        <Button onClick={() => (answer !== card.answer ? onSave("answer", answer) : onSave("prompt", prompt))}>
          {t("saveEdit")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
