/**
 * Masking by default (goal F1): every answer that carries a resident ID number or a mobile
 * phone carries it masked (`110***********002X`, `138****8000`); only the reveal route
 * (reveal.ts) answers a plain value, to staff, with a reason, audited. Masking happens here, in
 * the view layer, with the same recognition storage encrypts by, so what is sealed at rest is
 * what is masked in answers. The owner sees their own case masked too: a case page is printed,
 * shown at the window and left open on shared screens, and the owner typed the values anyway.
 */
import { mapStrings, maskPersonalText, maskPersonalValues, personalPointers } from '../../engine/forms/personal-values.js';

/** Free text anywhere in `value` (notes, messages, notices, warnings) with its ID numbers and phones masked. */
export function maskedText<T>(value: T): T {
  return mapStrings(value, maskPersonalText);
}

/**
 * A case's form data and fields masked, and the JSON Pointers (into the case view: `/data/…`,
 * `/fields/…`) of the values masked, which the reveal route accepts.
 */
export function maskedCaseValues(kase: { data: Record<string, unknown>; fields: Record<string, unknown> }) {
  return {
    data: maskPersonalValues(kase.data),
    fields: maskPersonalValues(kase.fields),
    masked: [...personalPointers(kase.data, '/data'), ...personalPointers(kase.fields, '/fields')],
  };
}
