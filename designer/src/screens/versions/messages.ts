/** Texts of the versions screens: Chinese (default) and English, same keys. */
export const versions = {
  zh: {
    title: '版本',
  },
  en: {
    title: 'Versions',
  },
};
