/** Shared by every area: form dialogs, tables, sorting, empty states — spread into zh-CN.ts. */
export const commonZh = {
  'form.discardTitle': '放弃未保存的内容?',
  'form.discardText': '这个表单已经填写或修改过,关闭后这些内容不会保存。',
  'form.discard': '放弃',
  'form.keepEditing': '继续填写',
  'common.delete': '删除',
  'common.confirmDelete': '确定删除?',
} as const;
