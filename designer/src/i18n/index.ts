/**
 * Chinese by default, English switchable; the choice is remembered per browser. Each screen
 * keeps its own messages (screens/<screen>/messages.ts) under its own namespace, so screens
 * can grow without editing one shared dictionary.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { home } from '../screens/home/messages';
import { lists } from '../screens/lists/messages';
import { items } from '../screens/items/messages';
import { forms } from '../screens/forms/messages';
import { checklists } from '../screens/checklists/messages';
import { flows } from '../screens/flows/messages';
import { templates } from '../screens/templates/messages';
import { versions } from '../screens/versions/messages';
import { transfer } from '../screens/transfer/messages';
import { desk } from '../screens/desk/messages';
import { evaluation } from '../screens/desk/evaluation-messages';
import { portal } from '../screens/portal/messages';
import { feedback } from '../screens/feedback/messages';
import { network } from '../screens/network/messages';
import { assessments } from '../screens/assessments/messages';
import { packages } from '../screens/packages/messages';
import { dashboard } from '../screens/dashboard/messages';

export type Language = 'zh-CN' | 'en';
export const LANGUAGE_KEY = 'ipsp.language';

const namespaces = { common, home, lists, items, forms, checklists, flows, templates, versions, transfer, desk, evaluation, portal, feedback, network, assessments, packages, dashboard };

function resourcesFor(language: 'zh' | 'en') {
  return Object.fromEntries(Object.entries(namespaces).map(([name, messages]) => [name, messages[language]]));
}

export function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': resourcesFor('zh'), en: resourcesFor('en') },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
