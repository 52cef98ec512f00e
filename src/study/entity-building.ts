/** From voted candidate mentions to entities: one per name, its kind by the strongest votes, aliases, roles and mentions. */
import { mergeVariants } from './entity-merging.js';
import { entityKey, type Candidate, type Entity, type EntityGroup, type EntityKind, type Votes } from './entity-types.js';

export function buildEntities(candidates: readonly Candidate[], countries: ReadonlySet<string>): Entity[] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.key);
    if (group === undefined) groups.set(candidate.key, [candidate]);
    else group.push(candidate);
  }
  const total = (members: readonly Candidate[]): Votes =>
    members.reduce(
      (sum, member) => ({
        person: sum.person + member.votes.person,
        organisation: sum.organisation + member.votes.organisation,
        place: sum.place + member.votes.place,
      }),
      { person: 0, organisation: 0, place: 0 },
    );
  const kinds = new Map<string, EntityKind>();
  const things = new Set<string>();
  for (const [key, members] of groups) {
    const votes = total(members);
    const thing = members.reduce((sum, member) => sum + member.thing, 0);
    if (thing > 0 && thing >= Math.max(votes.person, votes.organisation, votes.place)) {
      things.add(key);
      continue;
    }
    const kind = strongest(votes);
    if (kind !== undefined) kinds.set(key, kind);
  }
  // "Sky News", "ABC Radio": a name that starts with an institution's name is one of its branches, unless a
  // title or a place noun says otherwise.
  for (const [key, members] of groups) {
    const first = members[0]?.tokens[0]?.text;
    if (first === undefined || (members[0]?.tokens.length ?? 0) < 2 || kinds.get(entityKey(first)) !== 'organisation') continue;
    const votes = total(members);
    if (votes.person < 3 && votes.place < 3) kinds.set(key, 'organisation');
  }

  // A lone surname belongs to the person of that surname mentioned most recently before it.
  const people = [...groups.entries()].filter(([key, members]) => kinds.get(key) === 'person' && (members[0]?.tokens.length ?? 0) >= 2);
  for (const [key, members] of [...groups.entries()]) {
    if ((members[0]?.tokens.length ?? 0) !== 1) continue;
    const owners = people.filter(([personKey]) => personKey !== key && personKey.split(' ').at(-1) === key);
    if (owners.length === 0) continue;
    for (const member of members) {
      const position = member.span.unit.position;
      const ranked = owners
        .map(([ownerKey, ownerMembers]) => ({
          ownerKey,
          latest: Math.max(-1, ...ownerMembers.filter((owner) => owner.span.unit.position <= position).map((owner) => owner.span.unit.position)),
          count: ownerMembers.length,
        }))
        .sort((first, second) => second.latest - first.latest || second.count - first.count);
      const ownerKey = ranked[0]?.ownerKey;
      if (ownerKey !== undefined) groups.get(ownerKey)?.push(member);
    }
    groups.delete(key);
    kinds.delete(key);
  }

  // Names with no cue of their own take the kind of the names they are listed with.
  for (let round = 0; round < 3; round += 1) {
    for (const [key, members] of groups) {
      if (kinds.has(key) || things.has(key)) continue;
      const neighbours = members.flatMap((member) => [...[...member.links].map((link) => link.key), ...member.partKeys]);
      const votes: Votes = { person: 0, organisation: 0, place: 0 };
      for (const neighbour of neighbours) {
        const kind = kinds.get(neighbour);
        if (kind !== undefined) votes[kind] += 1;
      }
      const kind = strongest(votes);
      if (kind !== undefined) kinds.set(key, kind);
    }
  }

  mergeVariants(groups, kinds);

  const entities: Entity[] = [];
  for (const [key, members] of groups) {
    const kind = kinds.get(key);
    if (kind === undefined) continue;
    const own = members.filter((member) => member.key === key);
    const name = mostUsedForm(own.length > 0 ? own : members);
    const mentions = [...members.map((member) => member.span), ...members.flatMap((member) => member.aliases)].sort(
      (first, second) => first.start - second.start || first.unit.document.id.localeCompare(second.unit.document.id),
    );
    const aliases = [...new Set(mentions.map((mention) => mention.text).filter((text) => entityKey(text) !== key))];
    const role = members
      .flatMap((member) => member.roles)
      .filter((candidateRole) => candidateRole.kind === kind)
      .sort((first, second) => second.weight - first.weight || first.span.unit.position - second.span.unit.position)[0]?.span;
    const group: EntityGroup =
      kind === 'person'
        ? 'person'
        : kind === 'organisation'
          ? members.some((member) => member.source)
            ? 'source'
            : 'organisation'
          : countries.has(name)
            ? 'country'
            : 'place';
    entities.push({ key, name, kind, group, aliases, role, mentions });
  }
  const firstMention = (entity: Entity): number => entity.mentions[0]?.unit.position ?? 0;
  return entities.sort((first, second) => firstMention(first) - firstMention(second) || (first.mentions[0]?.start ?? 0) - (second.mentions[0]?.start ?? 0));
}

function strongest(votes: Votes): EntityKind | undefined {
  const ranked = (Object.entries(votes) as [EntityKind, number][]).sort((first, second) => second[1] - first[1]);
  const [best, runnerUp] = ranked;
  if (best === undefined || best[1] <= 0 || (runnerUp !== undefined && runnerUp[1] === best[1])) return undefined;
  return best[0];
}

function mostUsedForm(members: readonly Candidate[]): string {
  const counts = new Map<string, number>();
  for (const member of members) counts.set(member.span.text, (counts.get(member.span.text) ?? 0) + 1);
  return [...counts.entries()].sort((first, second) => second[0].split(' ').length - first[0].split(' ').length || second[1] - first[1])[0]?.[0] ?? '';
}
