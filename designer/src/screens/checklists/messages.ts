/** Texts of the checklists screens: Chinese (default) and English, same keys. */
export const checklists = {
  zh: {
    title: '材料清单',
  },
  en: {
    title: 'Material checklists',
  },
};
