/** Texts of the forms screens: Chinese (default) and English, same keys. */
export const forms = {
  zh: {
    title: '表单',
  },
  en: {
    title: 'Forms',
  },
};
