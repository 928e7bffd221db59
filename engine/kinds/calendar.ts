import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject } from './common.js';
import { DatedEntry } from './platform.js';

/** One year of the official working-day calendar: days off and make-up working days (调休). */
export const Calendar = kindObject(
  {
    ...header('Calendar', 'calendar year'),
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'The year this calendar covers.' }),
    holidays: Type.Array(DatedEntry, { description: 'Days off (法定节假日 and their bridging days), including those on weekends.' }),
    workdays: Type.Array(DatedEntry, { description: 'Make-up working days (调休上班) that fall on weekends.' }),
    source: Type.String({ minLength: 1, description: 'The notice this year is taken from (e.g. 国办发明电〔2024〕12号).' }),
  },
  'Calendar: the official holidays and make-up working days of one year.',
);
export type Calendar = Static<typeof Calendar>;
