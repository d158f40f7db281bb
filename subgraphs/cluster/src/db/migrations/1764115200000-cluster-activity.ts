import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { idColumns, integer, isMysql, text } from './columns';

const nullable = (column: TableColumnOptions): TableColumnOptions => ({ ...column, isNullable: true });
const flag = (name: string, fallback: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: fallback ? 1 : 0 });
/** Long free text (minutes, descriptions): TEXT on both backends, binary collation on MySQL. */
const longText = (name: string, mysql: boolean): TableColumnOptions => ({ name, type: 'text', isNullable: true, ...(mysql ? { collation: 'utf8mb4_bin' } : {}) });
/** Optimistic concurrency: every update checks and bumps it. Rows of the old shape start at 1. */
const version = (): TableColumnOptions => ({ ...integer('version'), default: 1 });

/**
 * A cluster's whole activity on top of the core schema: memberships and fees, people and their
 * roles, governance (general assemblies, boards, board meetings and their minutes, initiatives, the
 * executive director's KPIs), working groups, project engagements and confidentiality, services and
 * their requests, events and registrations. Existing rows keep their values; new columns get
 * defaults that say "not recorded" rather than inventing history.
 */
export class ClusterActivity1764115200000 implements MigrationInterface {
  name = 'ClusterActivity1764115200000';

  async up(runner: QueryRunner): Promise<void> {
    const mysql = isMysql(runner);
    const table = (name: string, columns: TableColumnOptions[], indices: TableIndex[] = []) =>
      runner.createTable(new Table({ name, columns, indices }));

    await runner.addColumns('members', [
      new TableColumn(nullable(text('joined_on', 10, mysql))),
      new TableColumn({ ...text('membership_status', 16, mysql), default: "'ACTIVE'" }),
      new TableColumn(nullable(text('status_since', 10, mysql))),
      new TableColumn(flag('voting_right', true)),
      new TableColumn(version()),
    ]);
    await runner.addColumns('projects', [
      new TableColumn(longText('description', mysql)),
      new TableColumn(nullable(text('ends_on', 10, mysql))),
      new TableColumn(nullable(integer('working_group_id'))),
      new TableColumn(flag('under_nda', false)),
      new TableColumn(version()),
    ]);
    await runner.createIndex('projects', new TableIndex({ name: 'project_by_working_group', columnNames: ['cluster_id', 'working_group_id'] }));
    await runner.createIndex('projects', new TableIndex({ name: 'project_by_status', columnNames: ['cluster_id', 'status'] }));

    await table('membership_fees', [
      { ...text('cluster_id', 32, mysql), isPrimary: true },
      { ...integer('member_id'), isPrimary: true },
      { ...integer('year'), isPrimary: true },
      integer('amount_eur'),
      text('paid_on', 10, mysql),
    ]);

    await table(
      'people',
      [...idColumns(mysql), text('name', 200, mysql), text('name_key', 200, mysql), nullable(integer('member_id')), text('job_title', 120, mysql)],
      [new TableIndex({ name: 'person_by_name', columnNames: ['name_key', 'cluster_id', 'id'] }), new TableIndex({ name: 'person_by_member', columnNames: ['cluster_id', 'member_id'] })],
    );
    await table(
      'person_roles',
      [
        ...idColumns(mysql),
        integer('person_id'),
        text('role', 32, mysql),
        text('since', 10, mysql),
        nullable(text('until', 10, mysql)),
        nullable(integer('member_id')),
        nullable(integer('board_id')),
        nullable(integer('working_group_id')),
      ],
      [
        new TableIndex({ name: 'role_by_person', columnNames: ['cluster_id', 'person_id'] }),
        new TableIndex({ name: 'role_by_board', columnNames: ['cluster_id', 'board_id'] }),
        new TableIndex({ name: 'role_by_working_group', columnNames: ['cluster_id', 'working_group_id'] }),
        new TableIndex({ name: 'role_by_member', columnNames: ['cluster_id', 'member_id'] }),
      ],
    );

    await table('general_assemblies', [
      ...idColumns(mysql),
      text('held_on', 10, mysql),
      text('kind', 16, mysql),
      integer('members_present'),
      integer('votes_cast'),
      longText('resolutions', mysql),
    ]);
    await table(
      'boards',
      [...idColumns(mysql), integer('elected_at_assembly_id'), text('term_start', 10, mysql), text('term_end', 10, mysql)],
      [new TableIndex({ name: 'board_by_term', columnNames: ['cluster_id', 'term_start'] })],
    );
    await table(
      'board_meetings',
      [
        ...idColumns(mysql),
        integer('board_id'),
        text('held_on', 10, mysql),
        nullable(integer('chair_person_id')),
        longText('minutes', mysql),
        nullable(text('minutes_recorded_on', 10, mysql)),
        version(),
      ],
      [new TableIndex({ name: 'meeting_by_date', columnNames: ['cluster_id', 'held_on', 'id'] }), new TableIndex({ name: 'meeting_by_board', columnNames: ['cluster_id', 'board_id'] })],
    );
    await table(
      'initiatives',
      [
        ...idColumns(mysql),
        text('title', 200, mysql),
        text('title_key', 200, mysql),
        longText('description', mysql),
        nullable(integer('proposed_by_member_id')),
        nullable(integer('proposed_by_person_id')),
        text('proposed_on', 10, mysql),
        text('status', 16, mysql),
        nullable(integer('decided_at_meeting_id')),
        nullable(integer('working_group_id')),
        version(),
      ],
      [
        new TableIndex({ name: 'initiative_by_title', columnNames: ['title_key', 'cluster_id', 'id'] }),
        new TableIndex({ name: 'initiative_by_proposed', columnNames: ['proposed_on', 'cluster_id', 'id'] }),
        new TableIndex({ name: 'initiative_by_meeting', columnNames: ['cluster_id', 'decided_at_meeting_id'] }),
      ],
    );
    await table('kpis', [
      ...idColumns(mysql),
      integer('person_id'),
      text('name', 200, mysql),
      text('unit', 32, mysql),
      integer('target'),
      nullable(integer('actual')),
      text('period_start', 10, mysql),
      text('period_end', 10, mysql),
    ]);

    await table(
      'working_groups',
      [...idColumns(mysql), text('name', 200, mysql), text('name_key', 200, mysql), text('objective', 500, mysql), text('formed_on', 10, mysql), version()],
      [new TableIndex({ name: 'working_group_by_name', columnNames: ['name_key', 'cluster_id', 'id'] }), new TableIndex({ name: 'working_group_by_formed', columnNames: ['formed_on', 'cluster_id', 'id'] })],
    );
    await table(
      'working_group_members',
      [
        { ...text('cluster_id', 32, mysql), isPrimary: true },
        { ...integer('working_group_id'), isPrimary: true },
        { ...integer('member_id'), isPrimary: true },
        text('joined_on', 10, mysql),
      ],
      [new TableIndex({ name: 'working_group_member_by_member', columnNames: ['cluster_id', 'member_id'] })],
    );

    await table(
      'project_engagements',
      [
        { ...text('cluster_id', 32, mysql), isPrimary: true },
        { ...integer('project_id'), isPrimary: true },
        { ...text('member_cluster_id', 32, mysql), isPrimary: true },
        { ...integer('member_id'), isPrimary: true },
        integer('person_days'),
        integer('value_eur'),
        text('committed_on', 10, mysql),
        text('resources', 500, mysql),
      ],
    );

    await table('services', [
      ...idColumns(mysql),
      text('name', 200, mysql),
      text('description', 500, mysql),
      integer('member_price_eur'),
      integer('market_price_eur'),
      flag('active', true),
    ]);
    await table(
      'service_requests',
      [...idColumns(mysql), integer('service_id'), integer('member_id'), text('requested_on', 10, mysql), text('status', 16, mysql), text('note', 500, mysql), version()],
      [new TableIndex({ name: 'request_by_service', columnNames: ['cluster_id', 'service_id'] }), new TableIndex({ name: 'request_by_member', columnNames: ['cluster_id', 'member_id'] })],
    );

    await table(
      'events',
      [
        ...idColumns(mysql),
        text('title', 200, mysql),
        text('title_key', 200, mysql),
        text('kind', 24, mysql),
        text('starts_on', 10, mysql),
        text('city', 100, mysql),
        integer('capacity'),
        { ...integer('seats_taken'), default: 0 },
        nullable(integer('working_group_id')),
      ],
      [new TableIndex({ name: 'event_by_title', columnNames: ['title_key', 'cluster_id', 'id'] }), new TableIndex({ name: 'event_by_start', columnNames: ['starts_on', 'cluster_id', 'id'] })],
    );
    await table(
      'event_registrations',
      [
        { ...text('cluster_id', 32, mysql), isPrimary: true },
        { ...integer('event_id'), isPrimary: true },
        { ...text('member_cluster_id', 32, mysql), isPrimary: true },
        { ...integer('member_id'), isPrimary: true },
        integer('attendees'),
        text('registered_on', 10, mysql),
      ],
      [new TableIndex({ name: 'registration_by_member', columnNames: ['member_cluster_id', 'member_id'] })],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of [
      'event_registrations', 'events', 'service_requests', 'services', 'project_engagements', 'working_group_members', 'working_groups',
      'kpis', 'initiatives', 'board_meetings', 'boards', 'general_assemblies', 'person_roles', 'people', 'membership_fees',
    ]) {
      await runner.dropTable(name);
    }
    await runner.dropIndex('projects', 'project_by_status');
    await runner.dropIndex('projects', 'project_by_working_group');
    await runner.dropColumns('projects', ['version', 'under_nda', 'working_group_id', 'ends_on', 'description']);
    await runner.dropColumns('members', ['version', 'voting_right', 'status_since', 'membership_status', 'joined_on']);
  }
}
