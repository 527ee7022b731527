import type { ErrorBody } from '../../../shared/errors';
import type { MethodDef } from '../../../shared/contract/method';
import type { CallContext } from './context';

/**
 * Is the caller on the machine the office runs on? The desktop app (IPC), the CLI and tests
 * are; an HTTP caller only when its peer address is loopback — the same test that makes the
 * person at this computer the local owner before anyone has a password (host/session.ts).
 */
export function callerIsOnThisComputer(ctx: Pick<CallContext, 'via' | 'loopback'>): boolean {
  return (ctx.via ?? 'http') !== 'http' || ctx.loopback === true;
}

/**
 * A call from another computer that names a folder or file of this one (MethodDef.serverPaths):
 * refused whatever the role. A field left out, null or empty names nothing and passes (a LAN
 * owner may still back up to the folder chosen at the office PC, or turn the inbox off).
 */
export function serverPathRefusal(def: MethodDef, name: string, ctx: CallContext, rawInput: unknown): ErrorBody | null {
  if (!def.serverPaths || callerIsOnThisComputer(ctx)) return null;
  if (typeof rawInput !== 'object' || rawInput === null || Array.isArray(rawInput)) return null;
  const given = def.serverPaths.filter((field) => {
    const value = (rawInput as Record<string, unknown>)[field];
    return value !== undefined && value !== null && value !== '';
  });
  if (given.length === 0) return null;
  return {
    code: 'forbidden',
    message: `只能在门店电脑上设置:"${def.summary.zh}"指定的是门店电脑上的文件夹或文件(${given.join('、')})。请到门店电脑上的门店通里操作。`,
    messageEn: `Only on the office PC: "${def.summary.en}" names a folder or file of that computer (${given.join(', ')}). Do this in 门店通 on the office PC.`,
    details: { method: name, fields: given, onlyOnOfficePc: true },
  };
}
