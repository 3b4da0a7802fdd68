// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type {
  LockerPointView,
  LockerServiceView,
} from '../../../electron/rpc/flows/locker_apply_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { FlowHost } from '../flow_host.js';

const service = 'locker-apply' as const;
const text = (zh: string, pt: string) => ({ 'zh-Hant': zh, 'zh-Hans': zh, pt, en: pt });
const licence: LockerServiceView = {
  serviceId: 'iam-food-establishment-licence',
  name: text('申請飲食場所牌照', 'Licença de estabelecimento de comidas'),
  department: { code: 'IAM', name: text('市政署', 'Instituto para os Assuntos Municipais'), mainland: false },
  size: 'large',
};
const point = (pointId: string, free: number, distanceMetres: number): LockerPointView => ({
  pointId,
  name: text(`${pointId}櫃`, `Cacifo ${pointId}`),
  address: text('南灣大馬路', 'Avenida da Praia Grande'),
  hours: '24h',
  distanceMetres,
  free,
  unavailable: free > 0 ? null : 'full',
});

function show(flow: FlowView, rpc: ReturnType<typeof strictRpcClient>, language: Language = 'pt') {
  render(
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n(language)}>
        <FlowHost flow={flow} />
      </I18nextProvider>
    </RpcContext.Provider>,
  );
}
const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const accepted = { ok: true };

describe('Smart Locker application screens', () => {
  afterEach(() => cleanup());

  it('service: grouped by department, in the session language; a tap sends the service chosen', async () => {
    const rpc = strictRpcClient({ 'locker-apply.chooseService': accepted });
    show({ service, step: 'service', services: [licence] }, rpc, 'zh-Hant');
    expect(screen.getByTestId('apply-service').textContent).toContain('市政署');
    await tap('apply-service-iam-food-establishment-licence');
    expect(rpc.calls).toEqual([
      { method: 'locker-apply.chooseService', params: { serviceId: 'iam-food-establishment-licence' } },
    ]);
  });

  it('point: distances and free compartments; a full point says why and its button does nothing', async () => {
    const rpc = strictRpcClient({ 'locker-apply.choosePoint': accepted });
    show(
      {
        service,
        step: 'point',
        chosen: licence,
        points: [point('here', 3, 0), point('far', 0, 1680)],
      },
      rpc,
    );
    expect(screen.getByTestId('apply-point').textContent).toContain('compartimento grande');
    expect(screen.getByTestId('apply-point-here').textContent).toContain('Neste centro');
    expect(screen.getByTestId('apply-point-here-free').textContent).toBe(
      '3 compartimentos livres para o seu documento',
    );
    expect(screen.getByTestId('apply-point-far').textContent).toMatch(/a 1,7\s?km daqui/);
    expect(screen.getByTestId('apply-point-far-full').textContent).toContain('Cheio');
    expect((screen.getByTestId('apply-choose-far') as HTMLButtonElement).disabled).toBe(true);
    await tap('apply-choose-far');
    await tap('apply-choose-here');
    expect(rpc.calls).toEqual([{ method: 'locker-apply.choosePoint', params: { pointId: 'here' } }]);
  });

  it('done: the number, the ready date in the session language, how the code comes, the slip', () => {
    show(
      {
        service,
        step: 'done',
        applicationId: 'LA-7K2M9Q4X1B',
        chosen: licence,
        point: point('here', 3, 0),
        readyFrom: '2026-12-05',
        slip: 'not-printed',
      },
      strictRpcClient({}),
      'zh-Hant',
    );
    expect(screen.getByTestId('apply-reference').textContent).toContain('LA-7K2M9Q4X1B');
    expect(screen.getByTestId('apply-ready').textContent).toContain('2026年12月5日');
    expect(screen.getByTestId('apply-how').textContent).toContain('一戶通');
    expect(screen.getByTestId('apply-slip-not-printed').textContent).toContain('申請已遞交');
  });

  it('failed: Try again only where it can help', async () => {
    const rpc = strictRpcClient({ 'locker-apply.tryAgain': accepted });
    show({ service, step: 'failed', problem: 'unavailable', canRetry: true }, rpc, 'en');
    expect(screen.getByTestId('apply-problem-unavailable').textContent).toContain('nothing was applied for');
    await tap('apply-try-again');
    expect(rpc.calls).toEqual([{ method: 'locker-apply.tryAgain', params: {} }]);
    cleanup();
    show({ service, step: 'failed', problem: 'refused', canRetry: false }, strictRpcClient({}), 'en');
    expect(screen.queryByTestId('apply-try-again')).toBeNull();
  });
});
