/** Texts of the lists screens: Chinese (default) and English, same keys. */
export const lists = {
  zh: {
    title: '服务清单',
  },
  en: {
    title: 'Service lists',
  },
};
