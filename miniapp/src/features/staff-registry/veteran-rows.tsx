import type { Veteran } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { formatCalendarDate } from '../../lib/format'
import { openPage } from '../../shell/navigation'
import { GENDERS, VETERAN_CATEGORIES, VETERAN_STATUSES } from './labels'
import { veteranUrl } from './paths'
import './staff-registry.css'

interface RowsProps {
  items: Veteran[]
  wide: boolean
  districtName: (code: string) => string
}

const boundText = (veteran: Veteran) => (veteran.bound ? '已绑定' : '未绑定')

/**
 * The records found: a table at a desk (≥ 1024 px), cards on a phone. The name opens the record either way; the ID
 * number is the masked one the server sends.
 */
export function VeteranRows(props: RowsProps) {
  if (process.env.TARO_ENV !== 'h5') return <WeappCards {...props} />
  return props.wide ? <VeteranTable {...props} /> : <VeteranCards {...props} />
}

function NameLink({ veteran }: { veteran: Veteran }) {
  const url = veteranUrl(veteran.id)
  return (
    <a className='registry__name' href={url} onClick={(event) => (event.preventDefault(), openPage(url))}>
      {veteran.name}
    </a>
  )
}

function StatusWord({ veteran }: { veteran: Veteran }) {
  return (
    <span className={`registry-status registry-status--${veteran.status}`}>{VETERAN_STATUSES[veteran.status]}</span>
  )
}

function VeteranTable({ items, districtName }: RowsProps) {
  return (
    <table className='registry-table registry-table--list'>
      <caption className='visually-hidden'>退役军人名单</caption>
      <thead>
        <tr>
          <th scope='col'>姓名</th>
          <th scope='col'>身份证号</th>
          <th scope='col'>性别</th>
          <th scope='col'>出生日期</th>
          <th scope='col'>户籍区县</th>
          <th scope='col'>人员类别</th>
          <th scope='col'>状态</th>
          <th scope='col'>微信绑定</th>
        </tr>
      </thead>
      <tbody>
        {items.map((veteran) => (
          <tr key={veteran.id}>
            <td>
              <NameLink veteran={veteran} />
            </td>
            <td className='registry-table__id'>{veteran.idNumberMasked}</td>
            <td>{GENDERS[veteran.gender]}</td>
            <td className='registry-table__date'>{veteran.birthDate}</td>
            <td>{districtName(veteran.districtCode)}</td>
            <td>{VETERAN_CATEGORIES[veteran.category]}</td>
            <td>
              <StatusWord veteran={veteran} />
            </td>
            <td>{boundText(veteran)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function VeteranCards({ items, districtName }: RowsProps) {
  return (
    <ul className='registry-cards'>
      {items.map((veteran) => (
        <li key={veteran.id} className='card registry-card'>
          <h3 className='registry-card__title'>
            <NameLink veteran={veteran} /> <StatusWord veteran={veteran} />
          </h3>
          <p className='registry-card__line'>身份证号：{veteran.idNumberMasked}</p>
          <p className='registry-card__line'>
            {GENDERS[veteran.gender]} · 生于 {formatCalendarDate(veteran.birthDate)}
          </p>
          <p className='registry-card__line'>
            {districtName(veteran.districtCode)} · {VETERAN_CATEGORIES[veteran.category]} · 微信{boundText(veteran)}
          </p>
        </li>
      ))}
    </ul>
  )
}

function WeappCards({ items, districtName }: RowsProps) {
  return (
    <View className='registry-cards'>
      {items.map((veteran) => {
        const status = VETERAN_STATUSES[veteran.status]
        const place = `${districtName(veteran.districtCode)} · ${VETERAN_CATEGORIES[veteran.category]}`
        return (
          <View
            key={veteran.id}
            className='card registry-card'
            hoverClass='registry-card--pressed'
            ariaRole='link'
            ariaLabel={`${veteran.name}，${status}，${place}，微信${boundText(veteran)}`}
            onClick={() => openPage(veteranUrl(veteran.id))}
          >
            <Text className='registry-card__title'>
              {veteran.name} · {status}
            </Text>
            <Text className='registry-card__line'>身份证号：{veteran.idNumberMasked}</Text>
            <Text className='registry-card__line'>
              {GENDERS[veteran.gender]} · 生于 {formatCalendarDate(veteran.birthDate)}
            </Text>
            <Text className='registry-card__line'>
              {place} · 微信{boundText(veteran)}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
