import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Divider, Form, Input, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { newClientSchema, type ClientDetail, type DuplicateHit } from '../../../../../shared/contract/clients';
import { fieldLimits } from '../../../../../shared/contract/schema-fields';
import {
  GRADES,
  LEVEL_LABELS,
  LEVELS,
  SOURCE_LABELS,
  SOURCES,
  STAGE_LABELS,
  STAGES,
  VALUE_TYPE_LABELS,
  VALUE_TYPES,
} from '../../../../../shared/clients/classification';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { FormDialog, useSaving } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { CLIENT_FORM_FIELDS, clientToForm, emptyClientForm, formToClientInput, type ClientFormValues } from '../clientForm';
import { useLabel } from '../../../hooks/useLabel';
import { useStaffOptions } from '../../../hooks/useStaffOptions';
import { navigate } from '../../../app/useHashPath';
import { useMe } from '../../pool/useMe';

/** Lengths and required marks as clients.create holds them (the same schema import checks rows with). */
const limits = fieldLimits(newClientSchema);

type Props = { client: ClientDetail | null; onClose: () => void; onSaved: (client: ClientDetail) => void };

/** 登记客户 / 编辑客户档案, with a 撞单 check as soon as the name or a phone is typed. */
export function ClientFormModal({ client, onClose, onSaved }: Props) {
  const t = useT();
  const label = useLabel();
  const me = useMe();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const staff = useStaffOptions();
  const [form] = Form.useForm<ClientFormValues>();
  const errors = useFormApiError(form, CLIENT_FORM_FIELDS);
  // 撞单 refused on save: the hits go under the field they concern, like the live check's, and
  // nowhere else — one message, next to what has to change.
  const { saving, run } = useSaving((caught) => {
    const error = toApiError(caught);
    const hits = error.code === 'conflict' ? (error.body.details?.duplicates as DuplicateHit[] | undefined) : undefined;
    if (hits?.length) {
      setDuplicates(hits);
      form.scrollToField(hits.some((h) => h.field === 'name') ? 'name' : ['phones', 0], { block: 'center' });
    } else errors.show(error);
  });
  const [duplicates, setDuplicates] = useState<DuplicateHit[]>([]);
  const initialValues = useMemo(() => (client ? clientToForm(client) : emptyClientForm()), [client]);

  const checkDuplicates = async (): Promise<void> => {
    const v = form.getFieldsValue(['kind', 'name', 'phones']) as Pick<ClientFormValues, 'kind' | 'name' | 'phones'>;
    try {
      const hits = await call('clients.checkDuplicates', {
        kind: v.kind,
        name: v.name ?? '',
        phones: (v.phones ?? []).map((p) => p?.trim()).filter(Boolean),
        ...(client ? { excludeId: client.id } : {}),
      });
      setDuplicates(hits);
    } catch {
      // The check is a courtesy; saving checks again and explains.
    }
  };

  const save = async (values: ClientFormValues): Promise<void> => {
    await run(async () => {
      const input = formToClientInput(values);
      const { ownerStaffId, ...rest } = input;
      const saved = client
        ? await call('clients.update', { id: client.id, ...rest })
        : await call('clients.create', { ...rest, ownerStaffId });
      void message.success(t(client ? 'clients.updated' : 'clients.created', { name: saved.name }));
      onSaved(saved);
    });
  };

  // 撞单: 在公海中 (offer to claim it instead) or 属于 X — the core decides what the caller may learn.
  const hitText = (h: DuplicateHit): string => {
    const what =
      lang === 'en'
        ? h.field === 'phone'
          ? `Phone ${h.value}`
          : `"${h.value}"`
        : h.field === 'phone'
          ? `电话 ${h.value}`
          : `"${h.value}"`;
    const client = h.clientName ? (lang === 'en' ? `client "${h.clientName}", ` : `客户"${h.clientName}",`) : '';
    const where = h.inPool ? t('pool.dupInPool') : t('pool.dupOwned', { owner: h.ownerName });
    return `${what}${lang === 'en' ? ': ' : ':'}${client}${where}`;
  };
  const claim = async (clientId: number): Promise<void> => {
    try {
      await call('pool.claim', { clientIds: [clientId] });
      void message.success(t('pool.claimed', { count: 1 }));
      onClose();
      navigate(['clients', String(clientId)]);
    } catch (error) {
      errors.show(toApiError(error));
    }
  };
  const canClaim = me.role !== 'clerk' && me.staffId !== null;
  const nameHits = duplicates.filter((h) => h.field === 'name');
  const phoneHits = duplicates.filter((h) => h.field === 'phone');
  const hitNote = (hits: DuplicateHit[], testId: string) =>
    hits.length > 0 && (
      <div className="duplicate-note" data-testid={testId} role="alert">
        <Typography.Text type="warning" strong>
          {t('clients.duplicateShort')}
        </Typography.Text>
        {hits.map((h) => (
          <div key={`${h.field}${h.value}${h.clientId ?? ''}`}>
            <Typography.Text type="warning">{hitText(h)}</Typography.Text>
            {h.inPool && h.clientId !== null && canClaim && (
              <Button type="link" size="small" onClick={() => void claim(h.clientId!)}>
                {t('pool.dupClaim')}
              </Button>
            )}
          </div>
        ))}
      </div>
    );

  return (
    <FormDialog
      form={form}
      title={client ? t('clients.editTitle', { name: client.name }) : t('clients.createTitle')}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={860}
      error={errors.general}
    >
      <Form<ClientFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void save(v)}
        onValuesChange={errors.clear}
        className="client-form"
      >
        <div className="form-grid-3">
          <Form.Item name="kind" label={t('clients.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'company', label: t('clients.kind.company') },
                { value: 'person', label: t('clients.kind.person') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('clients.name')}
            className="span-2"
            extra={hitNote(nameHits, 'duplicate-name')}
            rules={[
              {
                required: limits.required('name'),
                whitespace: true,
                message: t('common.required', { label: t('clients.name') }),
              },
            ]}
          >
            <Input maxLength={limits.maxLength('name')} autoFocus onBlur={() => void checkDuplicates()} />
          </Form.Item>
          <Form.Item name="contactName" label={t('clients.contact')}>
            <Input maxLength={limits.maxLength('contactName')} />
          </Form.Item>
          <Form.Item
            label={t('clients.phones')}
            className="span-2"
            required={false}
            extra={hitNote(phoneHits, 'duplicate-phone')}
          >
            <Form.List name="phones">
              {(fields, { add, remove }) => (
                <div className="phone-list">
                  {fields.map((field, i) => (
                    <div key={field.key} className="phone-row">
                      <Form.Item name={field.name} noStyle>
                        <Input
                          inputMode="tel"
                          maxLength={limits.maxLength('phones')}
                          placeholder={t('clients.phonePlaceholder')}
                          aria-label={`${t('clients.phone')} ${i + 1}`}
                          onBlur={() => void checkDuplicates()}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('clients.removePhone')} />
                      )}
                    </div>
                  ))}
                  {fields.length < 6 && (
                    <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>
                      {t('clients.addPhone')}
                    </Button>
                  )}
                </div>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="wechat" label={t('clients.wechat')}>
            <Input maxLength={limits.maxLength('wechat')} />
          </Form.Item>
          <Form.Item name="qq" label="QQ">
            <Input maxLength={limits.maxLength('qq')} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="email" label={t('clients.email')}>
            <Input maxLength={limits.maxLength('email')} inputMode="email" />
          </Form.Item>
        </div>
        <Divider titlePlacement="start" plain>
          {t('clients.sectionWhere')}
        </Divider>
        <div className="form-grid-4">
          <Form.Item name="province" label={t('clients.province')}>
            <Input maxLength={limits.maxLength('province')} />
          </Form.Item>
          <Form.Item name="city" label={t('clients.city')}>
            <Input maxLength={limits.maxLength('city')} />
          </Form.Item>
          <Form.Item name="district" label={t('clients.district')}>
            <Input maxLength={limits.maxLength('district')} />
          </Form.Item>
          <Form.Item name="township" label={t('clients.township')}>
            <Input maxLength={limits.maxLength('township')} />
          </Form.Item>
          <Form.Item name="address" label={t('clients.address')} className="span-2">
            <Input maxLength={limits.maxLength('address')} />
          </Form.Item>
          <Form.Item name="industry" label={t('clients.industry')}>
            <Input maxLength={limits.maxLength('industry')} />
          </Form.Item>
          <Form.Item name="size" label={t('clients.size')}>
            <Input maxLength={limits.maxLength('size')} />
          </Form.Item>
        </div>
        <Divider titlePlacement="start" plain>
          {t('clients.sectionSales')}
        </Divider>
        <div className="form-grid-4">
          <Form.Item name="source" label={t('clients.source')}>
            <Select options={SOURCES.map((s) => ({ value: s, label: label(SOURCE_LABELS[s]) }))} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="referrerName" label={t('clients.referrer')}>
            <Input maxLength={limits.maxLength('referrerName')} />
          </Form.Item>
          <Form.Item
            name="joinedOn"
            label={t('clients.joinedOn')}
            rules={[{ required: true, message: t('common.required', { label: t('clients.joinedOn') }) }]}
          >
            <DatePicker className="full-width" format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item name="ownerStaffId" label={t('clients.owner')} extra={client ? t('clients.ownerViaReassign') : undefined}>
            <Select
              allowClear
              disabled={client !== null}
              options={staff.options}
              placeholder={t('clients.unassigned')}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="level" label={t('clients.level')}>
            <Select options={LEVELS.map((l) => ({ value: l, label: label(LEVEL_LABELS[l]) }))} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="grade" label={t('clients.grade')}>
            <Select options={[{ value: '', label: '—' }, ...GRADES.map((g) => ({ value: g, label: g }))]} />
          </Form.Item>
          <Form.Item name="stage" label={t('clients.stage')}>
            <Select
              options={STAGES.map((s, i) => ({ value: s, label: `${i + 1}. ${label(STAGE_LABELS[s])}` }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="valueType" label={t('clients.valueType')}>
            <Select
              options={[{ value: '', label: '—' }, ...VALUE_TYPES.map((v) => ({ value: v, label: label(VALUE_TYPE_LABELS[v]) }))]}
            />
          </Form.Item>
          <Form.Item name="man" label={t('clients.man')} className="span-2" extra={t('clients.manHelp')}>
            <Checkbox.Group
              options={[
                { value: 'money', label: t('clients.man.money') },
                { value: 'authority', label: t('clients.man.authority') },
                { value: 'need', label: t('clients.man.need') },
              ]}
            />
          </Form.Item>
          <Form.Item name="birthday" label={t('clients.birthday')}>
            <Input placeholder={t('clients.yearlyPlaceholder')} maxLength={10} />
          </Form.Item>
          <Form.Item name="anniversary" label={t('clients.anniversary')}>
            <Input placeholder={t('clients.yearlyPlaceholder')} maxLength={10} />
          </Form.Item>
          <Form.Item name="notes" label={t('clients.notes')} className="span-4">
            <Input.TextArea rows={2} maxLength={limits.maxLength('notes')} />
          </Form.Item>
        </div>
      </Form>
    </FormDialog>
  );
}
