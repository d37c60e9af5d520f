// The header links of the public front door (/cong-khai) and its pages.
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../paths.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function PublicFrontNav() {
  return (
    <>
      <Anchor component={Link} to={paths.publicHome} size="sm" style={NOWRAP}>
        Kế hoạch
      </Anchor>
      <Anchor component={Link} to={paths.publicPetition} size="sm" style={NOWRAP}>
        Kiến nghị
      </Anchor>
      <Anchor component={Link} to={paths.publicAiLaw} size="sm" style={NOWRAP}>
        Về Luật
      </Anchor>
    </>
  );
}
