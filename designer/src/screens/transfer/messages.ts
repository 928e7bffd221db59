/** Texts of the transfer screens: Chinese (default) and English, same keys. */
export const transfer = {
  zh: {
    title: '导入导出',
  },
  en: {
    title: 'Import & export',
  },
};
