// The files chosen for one message: checked when chosen (type, size, count), photos made
// ready at once (so the resident sees what the team will get), and forgotten (preview
// URLs revoked, bytes zeroed) when removed, sent, or when the page goes away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { admitFiles, type AttachmentProblem } from './attachmentRules';
import { discardAttachment, prepareAttachment, type PreparedAttachment } from './prepareAttachment';

export function useAttachments() {
  const [files, setFiles] = useState<PreparedAttachment[]>([]);
  const [problems, setProblems] = useState<AttachmentProblem[]>([]);
  const [preparing, setPreparing] = useState(false);
  const filesRef = useRef<PreparedAttachment[]>([]);
  const photos = useRef(0);
  filesRef.current = files;

  async function add(chosen: readonly File[]) {
    const { admitted, problems: refused } = admitFiles(filesRef.current.length, chosen);
    setProblems(refused);
    if (!admitted.length) return;
    setPreparing(true);
    const ready: PreparedAttachment[] = [];
    const found = [...refused];
    for (const { file, kind } of admitted) {
      const prepared = await prepareAttachment(file, kind, kind === 'photo' ? ++photos.current : 0);
      if (prepared.ok) ready.push(prepared.value);
      else found.push(prepared.problem);
    }
    setFiles((before) => [...before, ...ready]);
    setProblems(found);
    setPreparing(false);
  }

  function remove(id: string) {
    const gone = filesRef.current.find((f) => f.id === id);
    if (gone) discardAttachment(gone);
    setFiles((before) => before.filter((f) => f.id !== id));
    setProblems([]);
  }

  function clear() {
    for (const f of filesRef.current) discardAttachment(f);
    setFiles([]);
    setProblems([]);
  }

  useEffect(() => () => filesRef.current.forEach(discardAttachment), []);

  return { files, problems, preparing, add, remove, clear };
}

export type AttachmentsState = ReturnType<typeof useAttachments>;
