// Loading one case into the case page: fetched when the page opens (and quietly again
// after a conflict), opened with the vault's keys, and its case key and note key kept
// in a ref that is wiped when the page closes or the case is loaded anew.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffApi } from './api';
import { openCaseDetail, wipeCaseKeys, type CaseKeys, type CaseView } from './caseView';
import { canAssign, isCaseJson, type CaseDetailJson, type GrantInfo, type StaffInfo, type Vault } from './types';

export type CaseLoad = { state: 'loading' } | { state: 'notFound' } | { state: 'forbidden' } | { state: 'failed' } | { state: 'ready'; view: CaseView };

interface Options {
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
  caseId: string;
  onGrants: (caseId: string, grants: GrantInfo[]) => void;
  onStatus: (caseId: string, status: string) => void;
  onGone: (caseId: string) => void;
  onOpened: (caseId: string) => void;
}

export function useCase({ api, getVault, staff, caseId, onGrants, onStatus, onGone, onOpened }: Options) {
  const [load, setLoad] = useState<CaseLoad>({ state: 'loading' });
  const keysRef = useRef<CaseKeys>({ caseKey: null, noteKey: null });
  const viewRef = useRef<CaseView | null>(null);
  const path = `/api/staff/cases/${encodeURIComponent(caseId)}`;

  function wipeKeys() {
    wipeCaseKeys(keysRef.current, getVault()?.sodium);
    keysRef.current = { caseKey: null, noteKey: null };
  }

  function show(view: CaseView) {
    viewRef.current = view;
    setLoad({ state: 'ready', view });
  }

  /** `silent`: keep the case on screen while it reloads (after a conflict), and keep it on a passing failure. */
  async function fetchCase(silent: boolean): Promise<void> {
    if (!silent) setLoad({ state: 'loading' });
    const r = await api.get<CaseDetailJson>(path);
    if (!r.ok) {
      if (r.status === 401) return;
      if (!silent || r.status === 404 || r.status === 403) {
        setLoad({ state: r.status === 404 ? 'notFound' : r.status === 403 ? 'forbidden' : 'failed' });
        if (r.status === 404) onGone(caseId);
      }
      return;
    }
    const vault = getVault();
    if (!vault) return;
    const body = r.body;
    if (!body || !isCaseJson(body.case)) {
      setLoad({ state: 'failed' });
      return;
    }
    wipeKeys();
    const opened = openCaseDetail(vault, body, staff.id);
    keysRef.current = opened.keys;
    show(opened.view);
    if (canAssign(staff.role)) onGrants(caseId, opened.view.grants);
    onStatus(caseId, opened.view.json.status);
    onOpened(caseId);
  }

  useEffect(() => {
    void fetchCase(false);
    return () => wipeKeys();
  }, [caseId]);

  return { load, path, keysRef, viewRef, show, fetchCase, wipeKeys };
}

export type CaseHandle = ReturnType<typeof useCase>;
