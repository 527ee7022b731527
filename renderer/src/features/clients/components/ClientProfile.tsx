import { Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { ClientDetail } from '../../../../../shared/contract/clients';
import { GRADE_LABELS, SOURCE_LABELS, STAGE_LABELS, VALUE_TYPE_LABELS } from '../../../../../shared/clients/classification';
import { formatRegion } from '../../../../../shared/clients/region';
import { pick, useLanguage, useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';

/** The 客户资料卡: every field, and how complete the card is with what to add. */
export function ClientProfile({ client }: { client: ClientDetail }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLanguage();
  const dash = (v: string | null | undefined) => (v ? v : <span className="muted">—</span>);
  const man = [
    client.manMoney && t('clients.man.money'),
    client.manAuthority && t('clients.man.authority'),
    client.manNeed && t('clients.man.need'),
  ].filter(Boolean);
  return (
    <div className="client-profile">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'contact', label: t('clients.contact'), children: dash(client.contactName) },
          {
            key: 'phones',
            label: t('clients.phones'),
            children: client.phones.length ? client.phones.map((p) => p.phone).join(' / ') : dash(''),
          },
          {
            key: 'wechat',
            label: `${t('clients.wechat')} / QQ`,
            children: dash([client.wechat, client.qq].filter(Boolean).join(' / ')),
          },
          { key: 'email', label: t('clients.email'), children: dash(client.email) },
          { key: 'region', label: t('clients.region'), children: dash(formatRegion(client)) },
          { key: 'address', label: t('clients.address'), children: dash(client.address) },
          {
            key: 'industry',
            label: t('clients.industry'),
            children: dash([client.industry, client.size].filter(Boolean).join(' · ')),
          },
          {
            key: 'source',
            label: t('clients.source'),
            children: `${label(SOURCE_LABELS[client.source])}${client.referrerName ? ` · ${t('clients.referrer')} ${client.referrerName}` : ''}`,
          },
          { key: 'joinedOn', label: t('clients.joinedOn'), children: client.joinedOn },
          { key: 'owner', label: t('clients.owner'), children: client.ownerName || t('clients.unassigned') },
          { key: 'stage', label: t('clients.stage'), children: label(STAGE_LABELS[client.stage]) },
          {
            key: 'value',
            label: t('clients.valueType'),
            children: client.valueType ? label(VALUE_TYPE_LABELS[client.valueType]) : dash(''),
          },
          { key: 'grade', label: t('clients.grade'), children: client.grade ? label(GRADE_LABELS[client.grade]) : dash('') },
          {
            key: 'man',
            label: t('clients.man'),
            children: (
              <Space size={4}>
                {man.length ? man.join(' · ') : dash('')}
                {client.qualified && <Tag color="green">{t('clients.qualified')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'dates',
            label: `${t('clients.birthday')} / ${t('clients.anniversary')}`,
            children: dash([client.birthday, client.anniversary].filter(Boolean).join(' / ')),
          },
          { key: 'notes', label: t('clients.notes'), span: 'filled', children: dash(client.notes) },
        ]}
      />
      <div className="completeness">
        <Typography.Text strong>{t('clients.completeness')}</Typography.Text>
        <Progress percent={client.completeness} size="small" className="completeness-bar" />
        {client.missing.length > 0 && (
          <Typography.Text type="secondary">
            {t('clients.missing')}
            {client.missing.map((m) => pick(m, lang)).join(lang === 'en' ? ', ' : '、')}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
