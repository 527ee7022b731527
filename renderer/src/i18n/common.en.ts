import type { commonZh } from './common.zh-CN';

export const commonEn: { readonly [K in keyof typeof commonZh]: string } = {
  'form.discardTitle': 'Discard what you typed?',
  'form.discardText': 'This form was filled in or changed; closing it will not save that.',
  'form.discard': 'Discard',
  'form.keepEditing': 'Keep editing',
  'common.delete': 'Delete',
  'common.confirmDelete': 'Delete this?',
};
