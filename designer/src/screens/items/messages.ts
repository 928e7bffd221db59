/** Texts of the items screens: Chinese (default) and English, same keys. */
export const items = {
  zh: {
    title: '服务事项',
  },
  en: {
    title: 'Service items',
  },
};
