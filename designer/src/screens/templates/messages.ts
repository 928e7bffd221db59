/** Texts of the templates screens: Chinese (default) and English, same keys. */
export const templates = {
  zh: {
    title: '文书模板',
  },
  en: {
    title: 'Templates',
  },
};
