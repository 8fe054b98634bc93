//! Added to the demo after the seed's room: the Chinese names of the
//! demo's first organisations (they were added without), and the customs
//! administration, a typical partner of a single-window programme, with
//! the components customs runs.
//!
//! These commands come last, so a demo loaded before keeps its keys: the
//! first organisations are corrected (`AmendOrganisation`), never added
//! again with other values.

use super::*;

/// The customs administration of the host's country (IATI type 10).
pub(super) const CUSTOMS: u128 = 26;

/// The first organisations' Chinese names, by their number: the cities'
/// governments and the one Hong Kong bank; the other companies and funds
/// are fictional and have none.
const CHINESE_NAMES: [(u128, &str); 13] = [
    (1, "上海市商务委员会"),
    (2, "釜山广域市"),
    (3, "曼谷市政府"),
    (4, "胡志明市人民委员会"),
    (5, "雅加达首都特区政府"),
    (6, "马尼拉市政府"),
    (7, "巴生市议会"),
    (8, "科伦坡市议会"),
    (9, "吉大港市政公司"),
    (10, "卡拉奇市政公司"),
    (11, "万象市政府"),
    (12, "乌兰巴托市长办公室"),
    (SILK_BANK, "丝港商业银行"),
];

fn chinese_names() -> Vec<Command> {
    let first: BTreeMap<OrganisationId, NewOrganisation> =
        organisations().into_iter().map(|o| (o.id, o)).collect();
    CHINESE_NAMES
        .into_iter()
        .filter_map(|(n, name_zh)| {
            let organisation = first.get(&org(n))?.clone();
            Some(Command::AmendOrganisation(NewOrganisation {
                name_zh: Some(name_zh.into()),
                ..organisation
            }))
        })
        .collect()
}

/// Customs connects the national single window and answers for (and does)
/// customs automation and risk management, which it alone runs; it sits on
/// the steering committee and is still building the partnership.
fn customs() -> Vec<Command> {
    let mut commands = vec![Command::AddOrganisation(NewOrganisation {
        id: org(CUSTOMS),
        name: "General Administration of Customs of the People's Republic of China".into(),
        name_zh: Some("中华人民共和国海关总署".into()),
        kind: OrganisationType::Government,
        country: "CN".into(),
        city: Some("Beijing".into()),
        financier: Some(false),
        iati_ref: None,
    })];
    let workshop = demo_workshop_id();
    let mut items = vec![DesignItem::Roles(PartnerRoles {
        organisation: org(CUSTOMS),
        iati: [IatiRole::Implementing].into_iter().collect(),
        ppp: Default::default(),
    })];
    items.extend(
        [
            (1, Raci::Responsible),
            (6, Raci::AccountableResponsible),
            (8, Raci::AccountableResponsible),
        ]
        .map(|(n, role)| {
            DesignItem::Responsibility(Responsibility {
                component: template::component_id(workshop, n),
                organisation: org(CUSTOMS),
                role: Some(role),
            })
        }),
    );
    items.push(DesignItem::Agreement(Agreement {
        organisation: org(CUSTOMS),
        stage: PartneringStage::Building,
        letter_of_intent: None,
        mou: None,
        agreement: None,
    }));
    let steering = seed_room::partnership().into_iter().find_map(|item| match item {
        DesignItem::Body(body) if body.kind == BodyKind::SteeringCommittee => Some(body),
        _ => None,
    });
    items.extend(steering.map(|mut body| {
        body.members.insert(org(CUSTOMS));
        DesignItem::Body(body)
    }));
    commands.extend(
        items
            .into_iter()
            .map(|item| Command::SaveItem { item, based_on: None }),
    );
    commands
}

/// The commands, after everything the demo did before.
pub(super) fn customs_commands() -> Vec<Command> {
    let mut commands = chinese_names();
    commands.extend(customs());
    commands
}
