import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxSlotCopies, slotActionKinds } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { StockSlot } from '../../../electron/rpc/flows/publication_maintenance_views.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { ChoicePicker } from './choice_picker.js';
import type { MaintenanceStepView } from './maintenance_screens.js';
import { type PublicationFormat, usePublicationFormat } from './publication_format.js';

type View = MaintenanceStepView<'publication-stock'>;
type Kind = (typeof slotActionKinds)[number];
interface Editing {
  slot: string;
  kind: Kind;
  copies: number;
  publicationId: string | null;
}

/**
 * Publications stock: each vending slot with its publication and count (a bar of how full it is), and the four
 * staff actions — refill (copies added), count (copies found), assign (a publication and its copies), empty — each
 * chosen, then confirmed with what it will do ("Add 4 to slot A2"). The main process does it as the signed-in
 * member of staff and records it in the audit log (publication_stock_tool.ts); the screen shows the outcome and
 * the slots as the backend now holds them.
 *
 * For the tactile keypad each slot's first action says the slot, its publication and its count; a chosen action's
 * editor is a focus layer of its own that says what it does, its steppers saying what the confirmation will do.
 */
export function PublicationStockStep({ view }: { view: View }) {
  const { t } = useTranslation('publications-maintenance');
  const format = usePublicationFormat();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { slots } = view;
  return (
    <>
      <StockResult view={view} />
      {slots.kind === 'loading' ? (
        <p className="maint__ok" role="status">
          {t('stock.loading')}
        </p>
      ) : null}
      {slots.kind === 'failed' ? (
        <p className="notice" role="status" data-testid="stock-failed">
          {t('stock.failed', { code: slots.code })}
        </p>
      ) : null}
      {slots.kind === 'ready' && slots.slots.length === 0 ? (
        <p className="maint__ok">{t('stock.none')}</p>
      ) : null}
      {slots.kind === 'ready' ? (
        <ul className="maint__list stock__slots">
          {slots.slots.map((slot) => (
            <SlotCard
              key={slot.slot}
              slot={slot}
              view={view}
              format={format}
              editing={editing?.slot === slot.slot ? editing : null}
              edit={setEditing}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function StockResult({ view }: { view: View }) {
  const { t } = useTranslation('publications-maintenance');
  if (view.busy)
    return (
      <p className="maint__ok" role="status" data-testid="stock-busy">
        {t('stock.busy')}
      </p>
    );
  const { result } = view;
  if (result === null) return null;
  const names = { action: t(`stock.actions.${result.action}`), slot: result.slot };
  const text = result.ok
    ? t('stock.result.ok', names)
    : result.code === 'slot-unassigned'
      ? t('stock.result.slot-unassigned', names)
      : t('stock.result.failed', { ...names, code: result.code });
  return (
    <p
      className={result.ok ? 'maint__ok' : 'notice'}
      role="status"
      data-testid="stock-result"
      data-ok={String(result.ok)}
    >
      {text}
    </p>
  );
}

/** What a chosen action starts from: refill fills the slot up, count and assign start at what it holds. */
function startEditing(slot: StockSlot, kind: Kind, view: View): Editing {
  const publicationId = slot.publicationId ?? view.publications[0]?.publicationId ?? null;
  switch (kind) {
    case 'refill':
      return { slot: slot.slot, kind, copies: Math.max(1, slot.capacity - slot.stock), publicationId };
    case 'count':
      return { slot: slot.slot, kind, copies: slot.stock, publicationId };
    case 'assign':
      return { slot: slot.slot, kind, copies: slot.capacity, publicationId };
    case 'empty':
      return { slot: slot.slot, kind, copies: 0, publicationId: null };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function SlotCard({
  slot,
  view,
  format,
  editing,
  edit,
}: {
  slot: StockSlot;
  view: View;
  format: PublicationFormat;
  editing: Editing | null;
  edit: (editing: Editing | null) => void;
}) {
  const { t } = useTranslation('publications-maintenance');
  const low = slot.publicationId !== null && slot.stock * 4 <= slot.capacity;
  const about: Prompt[] = [
    { key: 'publications-maintenance:stock.slot', values: { slot: slot.slot } },
    slot.publicationId === null
      ? { key: 'publications-maintenance:stock.unassigned' }
      : {
          key: 'maintenance.value',
          values: { value: format.title(slot.title, slot.publicationId).slice(0, 120) },
        },
    { key: 'publications-maintenance:stock.count', values: { stock: slot.stock, capacity: slot.capacity } },
  ];
  // Count and refill need a publication in the slot; empty needs something to take out.
  const offered = slotActionKinds.filter((kind) =>
    kind === 'refill' || kind === 'count'
      ? slot.publicationId !== null
      : kind === 'empty'
        ? slot.publicationId !== null || slot.stock > 0
        : true,
  );
  return (
    <li className="maint__card" data-testid={`stock-slot-${slot.slot}`} data-stock={slot.stock}>
      <div className="maint__card-head">
        <strong>{t('stock.slot', { slot: slot.slot })}</strong>
        <span data-testid={`stock-slot-${slot.slot}-title`}>
          {slot.publicationId === null ? t('stock.unassigned') : format.title(slot.title, slot.publicationId)}
        </span>
        <span
          className={low ? 'maint__state maint__state--bad' : 'maint__state'}
          data-testid={`stock-slot-${slot.slot}-stock`}
        >
          {t('stock.count', { stock: format.count(slot.stock), capacity: format.count(slot.capacity) })}
        </span>
      </div>
      <div className="stock__level" aria-hidden="true">
        <div
          className={low ? 'stock__level-fill stock__level-fill--low' : 'stock__level-fill'}
          style={{ width: `${Math.min(100, (100 * slot.stock) / slot.capacity)}%` }}
        />
      </div>
      {editing ? (
        <SlotEditor slot={slot} view={view} format={format} editing={editing} edit={edit} />
      ) : (
        <div className="maint__actions">
          {offered.map((kind, i) => (
            <button
              type="button"
              key={kind}
              className="secondary-button"
              data-testid={`stock-slot-${slot.slot}-${kind}`}
              {...action([
                ...(i === 0 ? about : about.slice(0, 1)),
                { key: `publications-maintenance:stock.actions.${kind}` },
              ])}
              disabled={view.busy}
              onClick={() => edit(startEditing(slot, kind, view))}
            >
              {t(`stock.actions.${kind}`)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

function SlotEditor({
  slot,
  view,
  format,
  editing,
  edit,
}: {
  slot: StockSlot;
  view: View;
  format: PublicationFormat;
  editing: Editing;
  edit: (editing: Editing | null) => void;
}) {
  const { t } = useTranslation('publications-maintenance');
  const rpc = useRpc();
  const { kind, copies } = editing;
  const least = kind === 'refill' ? 1 : 0;
  const slotPrompt: Prompt = { key: 'publications-maintenance:stock.slot', values: { slot: slot.slot } };
  const outcome: Prompt = {
    key: `publications-maintenance:stock.confirm.${kind}`,
    values: { slot: slot.slot, copies },
  };
  useAnnouncement(
    [
      { key: `publications-maintenance:stock.actions.${kind}` },
      slotPrompt,
      kind === 'empty' ? { key: 'publications-maintenance:stock.emptyWarning' } : outcome,
      { key: 'maintenance.keys.stockEditor' },
    ],
    'overlay',
  );
  const set = (n: number) => edit({ ...editing, copies: Math.max(least, Math.min(maxSlotCopies, n)) });
  const title = (id: string | null) => {
    const found = view.publications.find((p) => p.publicationId === id);
    return found ? format.title(found.title, found.publicationId) : t('stock.unassigned');
  };
  const spokenTitle = (id: string | null): Prompt =>
    id === null
      ? { key: 'publications-maintenance:stock.unassigned' }
      : { key: 'maintenance.value', values: { value: title(id).slice(0, 120) } };
  const send = () => {
    const action =
      kind === 'assign'
        ? { kind, slot: slot.slot, publicationId: editing.publicationId ?? '', stock: copies }
        : kind === 'count'
          ? { kind, slot: slot.slot, stock: copies }
          : kind === 'refill'
            ? { kind, slot: slot.slot, added: copies }
            : { kind, slot: slot.slot };
    edit(null);
    void rpc.call('maintenance.slotAction', { action });
  };
  return (
    <fieldset
      className="maint__reasons stock__editor"
      data-testid={`stock-slot-${slot.slot}-editor`}
      data-focus-layer=""
    >
      <legend>{t(`stock.actions.${kind}`)}</legend>
      {kind === 'assign' ? (
        <div className="stock__field">
          <span>{t('stock.publication')}</span>
          <ChoicePicker
            label={title(editing.publicationId)}
            spoken={[
              { key: 'publications-maintenance:stock.publication' },
              spokenTitle(editing.publicationId),
            ]}
            choices={view.publications.map((p) => p.publicationId)}
            choiceLabel={title}
            choiceSpoken={(id) => [spokenTitle(id)]}
            legend={t('stock.publication')}
            cancel={t('stock.cancel')}
            current={editing.publicationId ?? undefined}
            onChoose={(publicationId) => edit({ ...editing, publicationId })}
            testId={`stock-slot-${slot.slot}-publication`}
          />
        </div>
      ) : null}
      {kind === 'empty' ? (
        <p className="maint__detail">{t('stock.emptyWarning')}</p>
      ) : (
        <fieldset className="maint__time">
          <legend>{t('stock.copies')}</legend>
          <button
            type="button"
            className="secondary-button"
            aria-label={t('stock.fewer')}
            data-testid={`stock-slot-${slot.slot}-fewer`}
            {...action([{ key: 'publications-maintenance:stock.fewer' }, outcome])}
            disabled={copies <= least}
            onClick={() => set(copies - 1)}
          >
            −
          </button>
          <output className="maint__time-value" data-testid={`stock-slot-${slot.slot}-copies`}>
            {format.count(copies)}
          </output>
          <button
            type="button"
            className="secondary-button"
            aria-label={t('stock.more')}
            data-testid={`stock-slot-${slot.slot}-more`}
            {...action([{ key: 'publications-maintenance:stock.more' }, outcome])}
            disabled={copies >= maxSlotCopies}
            onClick={() => set(copies + 1)}
          >
            +
          </button>
        </fieldset>
      )}
      <div className="maint__actions">
        <button
          type="button"
          className="secondary-button"
          data-testid={`stock-slot-${slot.slot}-cancel`}
          {...action([{ key: 'publications-maintenance:stock.cancel' }], { role: 'back' })}
          onClick={() => edit(null)}
        >
          {t('stock.cancel')}
        </button>
        <button
          type="button"
          className="primary-button"
          data-testid={`stock-slot-${slot.slot}-confirm`}
          {...action(
            [
              kind === 'empty'
                ? { key: 'publications-maintenance:stock.confirm.empty', values: { slot: slot.slot } }
                : outcome,
            ],
            { role: 'default' },
          )}
          disabled={view.busy || (kind === 'assign' && editing.publicationId === null)}
          onClick={send}
        >
          {t(`stock.confirm.${kind}`, { slot: slot.slot, copies: format.count(copies) })}
        </button>
      </div>
    </fieldset>
  );
}
