import { Card, Notice, Paragraph } from '../../components'
import { HotlineCard } from '../reference/hotline-card'

/** An honest placeholder for a capability that is not built yet: what it will do, and what to do meanwhile. */
export function ComingSoon({ what, willDo, meanwhile }: { what: string; willDo: string; meanwhile: string }) {
  return (
    <>
      <Notice>{what}正在建设中，暂时还不能使用。</Notice>
      <Card>
        <Paragraph>建好以后，您可以在这里{willDo}。</Paragraph>
        <Paragraph>{meanwhile}</Paragraph>
      </Card>
      <HotlineCard />
    </>
  )
}
