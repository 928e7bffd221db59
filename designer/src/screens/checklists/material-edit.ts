/** Pure edits of a checklist's materials: add, remove, move, keys from names. */
import type { Checklist, Material } from '../../../../engine/kinds/checklist';

/** The Key pattern of engine/kinds/common.ts. */
export const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** File types offered in the picker; any lower-case extension of 2–5 letters may be typed. */
export const commonFileTypes = ['pdf', 'jpg', 'png', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'zip'];

/**
 * A key for a material: camelCase of the name's Latin words when it has some (名称 "ID card
 * copy" → idCardCopy), else `material<n>`; never one of `taken`.
 */
export function keyFromName(name: string, taken: readonly string[]): string {
  const words = name.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  const base = camel !== '' ? camel.slice(0, 56) : 'material';
  if (camel !== '' && !taken.includes(base)) return base;
  for (let n = 1; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}

/** A new material with the province's usual requirements (pdf/jpg/png/ofd, 10 MB). */
export function newMaterial(name: string, taken: readonly string[]): Material {
  return { key: keyFromName(name, taken), name, required: true, form: 'original', count: 1, fileTypes: ['pdf', 'jpg', 'png', 'ofd'], maxSizeMB: 10 };
}

export function addMaterial(checklist: Checklist, name: string): Checklist {
  return { ...checklist, materials: [...checklist.materials, newMaterial(name, checklist.materials.map((m) => m.key))] };
}

export function removeMaterial(checklist: Checklist, index: number): Checklist {
  return { ...checklist, materials: checklist.materials.filter((_, i) => i !== index) };
}

/** Moves the material at `from` to position `to` (both in the current order). */
export function moveMaterial(checklist: Checklist, from: number, to: number): Checklist {
  if (from === to || to < 0 || to >= checklist.materials.length) return checklist;
  const materials = [...checklist.materials];
  const [moved] = materials.splice(from, 1);
  materials.splice(to, 0, moved!);
  return { ...checklist, materials };
}

/** Replaces some properties of one material; `undefined` removes an optional property. */
export function patchMaterial(checklist: Checklist, index: number, patch: Partial<Material>): Checklist {
  return {
    ...checklist,
    materials: checklist.materials.map((m, i) => {
      if (i !== index) return m;
      const next: Record<string, unknown> = { ...m, ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
      return next as Material;
    }),
  };
}
