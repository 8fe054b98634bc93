//! Every user-facing string, in every supported language.
//!
//! Each entry of the catalogue must give every language (the macro will not
//! compile otherwise), so a missing translation is a build error, not a
//! blank on the projector.
//!
//! Longer than the house's 500 lines on purpose (allowed by name in
//! scripts/check-file-length.sh): it is data, one entry per message, and
//! one catalogue is where a translator finds every string.

use crate::domain::business::{
    Allocation, AssetKind, CanvasBlock, FeeBasis, NamedStructure, Ownership, Payer, PppFunction, RevenueKind,
};
use crate::domain::design::{
    BodyKind, DecisionRule, IatiRole, PartneringStage, PppRole, Raci, RaciFlag, RiskBand, Step,
};
use crate::domain::error::Problem;
use crate::domain::model::{
    CommitmentStatus, DesignField, IndicatorMeasure, Instrument, OrganisationType, PartnerGroup,
    RiskCategory, ScreenLanguages, Stage, StageStatus, Tier,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag, used in `<html lang>` and in the `lang` cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// Each language's name in itself, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "en" || tag.starts_with("en-") {
            Some(Locale::En)
        } else if tag == "zh" || tag.starts_with("zh-cn") || tag.starts_with("zh-hans") || tag == "zh-sg" {
            Some(Locale::ZhCn)
        } else {
            None
        }
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Locale::from_tag)
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }
}

macro_rules! catalogue {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $(
                        (Msg::$key, Locale::En) => $en,
                        (Msg::$key, Locale::ZhCn) => $zh,
                    )*
                }
            }

            /// English and Chinese together, for a projector a room of
            /// both languages reads: "Pledged · 已认捐".
            pub fn both(self) -> &'static str {
                match self {
                    $(Msg::$key => concat!($en, " · ", $zh),)*
                }
            }
        }
    };
}

catalogue! {
    AppName => "Roundtable", "圆桌";
    Tagline => "Design a multi-partner programme together, live, and leave with a proposal partners have put money behind.",
               "在同一会场实时共同设计多方合作项目，带着各方已出资支持的提案离开。";
    SkipToContent => "Skip to content", "跳到正文";
    Language => "Language", "语言";
    Home => "Home", "首页";
    Workshops => "Workshops", "研讨会";
    NoWorkshops => "No workshops yet. Load the demo with `roundtable demo`.", "尚无研讨会。可运行 `roundtable demo` 载入示例。";
    Organisations => "organisations", "个机构";
    Loading => "Loading…", "加载中…";
    NotFoundTitle => "Not found", "未找到";
    NotFoundText => "There is no such page or workshop.", "没有这个页面或研讨会。";
    ErrorTitle => "Something went wrong", "出现问题";
    ErrorText => "The server could not answer. Your data is safe; try again in a moment.", "服务器暂时无法响应。您的数据是安全的，请稍后再试。";
    Programme => "Programme", "项目";
    Stages => "Stages", "阶段";
    StageLabel => "Stage", "阶段";
    Partners => "Partners", "合作伙伴";
    Cities => "Participating cities", "参与城市";
    Design => "Design", "设计";
    Outputs => "outputs", "项产出";
    Components => "components", "个组成部分";
    Financing => "Financing", "资金";
    Required => "Required", "所需资金";
    Secured => "Secured (firm and disbursed)", "已落实（确定承诺及已拨付）";
    Pledged => "Pledged (not yet firm)", "已认捐（尚未确定）";
    Gap => "Funding gap", "资金缺口";
    CommitmentsCount => "commitments recorded", "项已登记承诺";
    Unconverted => "commitments have no exchange rate yet and are not in these totals", "项承诺尚无汇率，未计入上述合计";
    CashOnly => "Cash only; guarantees and in-kind contributions are counted apart.", "仅计现金；担保和实物捐助另行统计。";
    StageProjectDesign => "Project design", "项目设计";
    StagePartnership => "Partnership framework", "伙伴关系框架";
    StageBusinessModel => "Business model", "商业模式";
    StageCommitments => "Financial commitments", "资金承诺";
    StatusNotStarted => "Not started", "未开始";
    StatusOpen => "Open", "进行中";
    StatusLocked => "Locked", "已锁定";
    GroupPublic => "Cities and public bodies", "城市及公共机构";
    GroupPrivate => "Private companies", "私营企业";
    GroupFinancier => "Financial institutions", "金融机构";
    GroupOther => "Other organisations", "其他机构";
    SignIn => "Sign in", "登录";
    SignOut => "Sign out", "退出登录";
    SignInTitle => "Facilitator sign-in", "主持人登录";
    SignInIntro => "Facilitators sign in with the email and password of their account. Delegates join with the link or code their facilitator gives them.",
                   "主持人使用账户邮箱和密码登录。代表请使用主持人提供的链接或会场代码加入。";
    Email => "Email", "电子邮箱";
    Password => "Password", "密码";
    SignedInAs => "Signed in as", "已登录：";
    Working => "Working…", "处理中…";
    ProblemRequired => "This field is required.", "此项为必填。";
    ProblemLength => "This is too short or too long.", "长度不符合要求。";
    ProblemEmail => "Enter an email address such as name@example.org.", "请输入有效的电子邮箱，例如 name@example.org。";
    ProblemWrongCredentials => "The email or the password is wrong.", "邮箱或密码不正确。";
    ProblemTooManyAttempts => "Too many failed attempts for this account. Wait a few minutes, then try again.", "此账户登录失败次数过多，请等待几分钟后再试。";
    ProblemInvalid => "This value is not valid.", "此值无效。";
    NewWorkshop => "New workshop", "新建研讨会";
    WorkshopTitle => "Title", "标题";
    ProgrammeName => "Programme", "项目名称";
    Slug => "Short name for the address", "网址短名";
    SlugHelp => "Lower-case letters, digits and hyphens; it becomes /w/short-name.", "小写字母、数字和连字符，将成为 /w/短名。";
    ReportingCurrency => "Reporting currency", "报告货币";
    ReportingCurrencyHelp => "Three-letter ISO code, such as USD or EUR. Totals are shown in it.", "三个字母的 ISO 代码，例如 USD 或 EUR。合计以此货币显示。";
    Create => "Create", "创建";
    ProblemSlugFormat => "Use 2 to 40 lower-case letters, digits or hyphens, not starting or ending with a hyphen.", "请使用 2 至 40 个小写字母、数字或连字符，且不能以连字符开头或结尾。";
    ProblemUnknownCurrency => "This is not an ISO 4217 currency code.", "这不是 ISO 4217 货币代码。";
    ProblemAlreadyExists => "This is already taken.", "已被占用。";
    ChangePasswordTitle => "Change password", "更改密码";
    ChangePasswordIntro => "Give your current password, then the new one. Your other signed-in devices are signed out.", "请输入当前密码和新密码。您在其他设备上的登录将被注销。";
    CurrentPassword => "Current password", "当前密码";
    NewPasswordLabel => "New password", "新密码";
    NewPasswordHelp => "At least 12 characters; a few words you will remember work well.", "至少12个字符；几个容易记住的词组合即可。";
    PasswordChanged => "Your password was changed.", "您的密码已更改。";
    SetPasswordTitle => "Set your password", "设置您的密码";
    SetPasswordIntro => "Choose the password you will sign in with, as", "请设置您登录时使用的密码，账户：";
    PasswordLinkDead => "This link was used already or has expired. Ask the facilitator who added you for a new one.", "此链接已被使用或已过期。请向添加您的主持人索取新链接。";
    PasswordLinkFor => "Give this link to your colleague, and to nobody else. It lets them set their own password, once, within 7 days:", "请将此链接只交给您的同事。对方可在7天内用它设置自己的密码，仅限一次：";
    People => "People in the workshop", "工作坊成员";
    PeopleHelp => "Removing someone ends their sessions at once on every device. What they recorded stays.", "移除某人会立即结束其在所有设备上的会话。其已记录的内容会保留。";
    NoPeople => "Nobody has joined yet.", "还没有人加入。";
    ProblemKeyReused => "This form was already sent with other content or by someone else. Reload the page and enter it again.", "此表单已以不同内容或由他人提交过。请刷新页面后重新填写。";
    ProblemRequestChanged => "This request changed after you saw it. Look at it again before deciding.", "此请求在您查看后已更改。请重新查看后再做决定。";
    ProblemTooManyCodes => "Too many wrong codes from this device. Wait a minute, then try again.", "此设备输入错误代码次数过多，请等待一分钟后再试。";
    ProblemAlreadyJoined => "This was already done, from this form or from another device. Reload the page to start again.", "此操作已通过此表单或其他设备完成。请刷新页面后重新开始。";
    ProblemSignInFirst => "Sign in as a facilitator first.", "请先以主持人身份登录。";
    ProblemForbidden => "You may not do this here.", "您无权在此执行此操作。";
    SetupTitle => "Workshop setup", "研讨会设置";
    SetupLink => "Setup", "设置";
    AddOrganisation => "Add an organisation", "添加机构";
    OrganisationName => "Name", "名称";
    OrganisationKind => "Type (IATI)", "类型（IATI）";
    Country => "Country", "国家";
    CountryHelp => "Two-letter ISO code, such as TH or CN.", "两个字母的 ISO 代码，例如 TH 或 CN。";
    City => "City (optional)", "城市（可选）";
    Add => "Add", "添加";
    DelegatesInRoom => "delegates", "名代表";
    InviteLink => "Invite link", "邀请链接";
    IssueInvite => "Make an invite link", "生成邀请链接";
    RevokeInvites => "Revoke links", "撤销链接";
    InviteShownOnce => "Copy this link now and give it to this organisation's delegates; it is shown only once. Making a new one ends this one.",
                       "请立即复制此链接并交给该机构的代表；链接只显示一次。生成新链接后此链接即失效。";
    InvitesRevoked => "Every invite link of this organisation has been revoked.", "该机构的所有邀请链接均已撤销。";
    JoinTitle => "Join the workshop", "加入研讨会";
    JoinAs => "You are joining as a delegate of", "您将以以下机构代表的身份加入：";
    YourName => "Your name", "您的姓名";
    YourEmail => "Your email (optional)", "您的电子邮箱（可选）";
    Join => "Join", "加入";
    InviteInvalid => "This invite link is not valid any more. Ask your facilitator for a new one.", "此邀请链接已失效，请向主持人索取新链接。";
    KindGovernment => "Government", "政府";
    KindLocalGovernment => "Local government", "地方政府";
    KindOtherPublicSector => "Other public sector", "其他公共部门";
    KindInternationalNgo => "International NGO", "国际非政府组织";
    KindNationalNgo => "National NGO", "国家非政府组织";
    KindRegionalNgo => "Regional NGO", "区域非政府组织";
    KindPartnerCountryNgo => "Partner-country NGO", "伙伴国非政府组织";
    KindPublicPrivatePartnership => "Public-private partnership", "公私合作";
    KindMultilateral => "Multilateral", "多边机构";
    KindFoundation => "Foundation", "基金会";
    KindPrivateSector => "Private sector", "私营部门";
    KindPrivateSectorInProviderCountry => "Private sector in provider country", "提供国私营部门";
    KindPrivateSectorInAidRecipientCountry => "Private sector in aid-recipient country", "受援国私营部门";
    KindPrivateSectorInThirdCountry => "Private sector in third country", "第三国私营部门";
    KindAcademicResearch => "Academic, training and research", "学术、培训和研究机构";
    KindOther => "Other", "其他";
    AddFacilitator => "Add a facilitator", "添加主持人";
    AddFacilitatorHelp => "Give a colleague the right to run this workshop. If their email has no account yet, also give a name and a first password to pass on to them.",
                          "授权同事主持本研讨会。如该邮箱尚无账户，请同时填写姓名和初始密码并转告对方。";
    FacilitatorName => "Name (new accounts only)", "姓名（仅限新账户）";
    FacilitatorAdded => "Added. They can sign in and run this workshop now.", "已添加。对方现在可以登录并主持本研讨会。";
    ApiTokens => "API tokens", "API 令牌";
    ApiTokensHelp => "A token lets another program read this workshop's exports (Authorization: Bearer). It can read, never change.",
                     "令牌可让其他程序读取本研讨会的导出数据（Authorization: Bearer），只能读取，不能修改。";
    CreateApiToken => "Create a token", "创建令牌";
    NewTokenShownOnce => "Copy this token now; it is shown only once.", "请立即复制此令牌；它只显示一次。";
    Token => "Token", "令牌";
    Created => "Created", "创建于";
    Revoke => "Revoke", "撤销";
    Revoked => "Revoked", "已撤销";
    NoTokens => "No tokens yet.", "尚无令牌。";
    ProblemCountryFormat => "Use the two-letter ISO code, such as TH.", "请使用两个字母的 ISO 代码，例如 TH。";
    ProblemGeneric => "Something went wrong; nothing was changed. Try again.", "出现问题，未做任何更改。请重试。";
    All => "All", "全部";
    DesignIntro => "Write the programme down together, one part at a time. Anyone the facilitator lets in can edit; saved changes appear for everyone. What you type is kept on this device until you save.",
                   "大家一起逐项写下项目内容。主持人开放后即可编辑；保存的修改会实时显示给所有人。您输入的内容在保存前保留在本设备上。";
    DesignLockedNotice => "The facilitator has locked this stage: it can be read but not changed.", "主持人已锁定此阶段：只能查看，不能修改。";
    UnsavedDraft => "Not saved yet.", "尚未保存。";
    EditedMeanwhile => "Someone else saved this part while you were editing. Their version is below; choose which to keep.", "您编辑期间，其他人保存了这一部分。其版本如下，请选择保留哪一个。";
    UseTheirs => "Use theirs", "采用对方版本";
    KeepMine => "Keep mine (then save)", "保留我的版本（再保存）";
    Save => "Save", "保存";
    FieldSummary => "Summary", "摘要";
    FieldSummaryHelp => "Two or three sentences anyone can understand: what the programme does, for whom.", "用两三句通俗的话说明：项目做什么、为谁做。";
    FieldProblem => "The problem", "问题";
    FieldProblemHelp => "What goes wrong today, and who bears the cost.", "目前存在什么问题，谁承担代价。";
    FieldRationale => "Why this way", "理由";
    FieldRationaleHelp => "Why this programme, and why these partners, are the right answer.", "为什么这个项目和这些伙伴是正确的答案。";
    FieldGoal => "Goal", "总目标";
    FieldGoalHelp => "The long-term change the programme contributes to.", "项目所促成的长期变化。";
    FieldPurpose => "Purpose", "具体目标";
    FieldPurposeHelp => "What will be different when the programme ends.", "项目结束时会有什么不同。";
    FieldScope => "Scope", "范围";
    FieldScopeHelp => "Which cities, ports and border crossings are in, and which are not.", "包括哪些城市、港口和口岸，不包括哪些。";
    FieldTargetGroups => "Target groups", "目标群体";
    FieldTargetGroupsHelp => "Who benefits: traders, agencies, logistics firms, and others.", "受益者：贸易商、政府机构、物流企业等。";
    OpenStage => "Open", "开启";
    LockStage => "Lock", "锁定";
    ReopenStage => "Reopen", "重新开启";
    QuestionsToTheRoom => "Questions to the room", "向全场提问";
    AskTheRoom => "Ask the room a question", "向全场提出问题";
    NoQuestions => "No questions yet.", "尚无问题。";
    Closed => "Closed", "已结束";
    YourAnswer => "Your answer", "您的回答";
    Send => "Send", "发送";
    CloseQuestion => "Close the question", "结束此问题";
    Amount => "Amount", "金额";
    AmountHelp => "Digits with an optional decimal point, such as 1,250,000.50.", "数字，可带小数点，例如 1,250,000.50。";
    AnonymousPublic => "A city or public body", "一个城市或公共机构";
    AnonymousPrivate => "A private company", "一家私营企业";
    AnonymousFinancier => "A financial institution", "一家金融机构";
    AnonymousOther => "An organisation", "一个机构";
    Approve => "Approve", "批准";
    AsOf => "Date of the rate", "汇率日期";
    Ask => "Ask", "提出申请";
    AskToActFor => "Act for an organisation", "代表某机构";
    AskToActForHelp => "Choose the organisation you represent. A facilitator confirms it; then you can record its commitments.", "请选择您所代表的机构。主持人确认后，您即可登记该机构的承诺。";
    AwaitingConfirmation => "Awaiting confirmation (not yet firm)", "待确认（尚未确定）";
    ByCity => "By city", "按城市";
    ByComponent => "By component", "按组成部分";
    ByInstrument => "By instrument", "按融资工具";
    ByPartnerGroup => "By type of partner", "按合作伙伴类型";
    ChooseOrganisation => "Choose an organisation", "请选择机构";
    CommitmentStatus => "Status", "状态";
    Conditions => "Conditions (optional)", "条件（可选）";
    Currency => "Currency", "货币";
    Decline => "Decline", "拒绝";
    Earmark => "For", "用途";
    ExchangeRates => "Exchange rates", "汇率";
    ExchangeRatesHelp => "How much one unit of a currency is worth in the reporting currency:", "一单位外币折合报告货币的金额，报告货币为：";
    ExportCsv => "Register (CSV)", "登记册（CSV）";
    ExportXlsx => "Register (Excel)", "登记册（Excel）";
    FromTheBudget => "from the design's budget", "来自项目设计预算";
    FromTheTarget => "the facilitator's target", "主持人设定的目标";
    NoBudgetYet => "no budget or target yet", "尚无预算或目标";
    ComponentsCosted => "components costed", "个组成部分已估算成本";
    BudgetSoFar => "budget so far", "目前预算";
    FundingTarget => "Funding target", "筹资目标";
    FundingTargetHelp => "What the room aims to raise, in the reporting currency, until the design has a budget.", "在项目设计形成预算之前，以报告货币表示的筹资目标。";
    Guarantees => "Guarantees", "担保";
    HistoryAndChanges => "History and changes", "历史与修改";
    InKind => "In kind", "实物捐助";
    Instrument => "Instrument", "融资工具";
    JoinTheRoom => "Join the room", "加入会场";
    JoinTheRoomHelp => "Type the code shown on the screen, and your name.", "请输入屏幕上显示的代码和您的姓名。";
    NewestCommitments => "Newest commitments", "最新承诺";
    NoCommitments => "No commitments yet.", "尚无承诺。";
    NoRequests => "No open requests.", "没有待处理的申请。";
    Note => "Note (optional)", "备注（可选）";
    Organisation => "Organisation", "机构";
    Overview => "Overview", "概览";
    PerUnit => "Rate", "汇率";
    PledgedShort => "pledged", "已认捐";
    QrAlt => "QR code to join the room", "加入会场的二维码";
    RatesUsed => "Rates used:", "所用汇率：";
    Pipeline => "Pipeline", "储备";
    PipelineLine => "expressions of interest, indicating", "项意向表达，意向金额";
    PipelineNote => "Expressions of interest are not money: they are shown apart and never reduce the gap.", "意向表达不是资金：单独列示，绝不减少缺口。";
    SecuredShort => "secured", "已落实";
    RoundedLines => "Each commitment is converted at the rate stated and rounded to the reporting currency's smallest unit; every total is the sum of the rounded lines.", "每项承诺按所注明的汇率折算，并四舍五入到报告货币的最小单位；每个合计均为四舍五入后各行之和。";
    RecordCommitment => "Record a commitment", "登记承诺";
    Register => "Commitments register", "承诺登记册";
    RequestWaiting => "Waiting for a facilitator to confirm you for", "等待主持人确认您代表：";
    Requests => "Requests to act for an organisation", "代表机构的申请";
    RoomCode => "Room code", "会场代码";
    SaveChanges => "Save changes", "保存修改";
    ScreenLink => "Screen", "大屏幕";
    SetRate => "Set the rate", "设置汇率";
    SetTarget => "Set the target", "设置目标";
    Show => "Show", "显示";
    ShowNamePublicly => "Show our name on the screen", "在大屏幕上显示我们的名称";
    Source => "Source", "来源";
    StageLockedNotice => "This stage is locked: commitments can be read but not changed.", "此阶段已锁定：承诺只能查看，不能修改。";
    Welcome => "Welcome,", "欢迎，";
    WholeProgramme => "Whole programme", "整个项目";
    Years => "Years of disbursement", "拨付年份";
    YearsHelp => "Separated by commas, such as 2027, 2028.", "用逗号分隔，例如 2027, 2028。";
    YouActFor => "You act for", "您代表：";
    TierInterest => "Expressions of interest", "意向表达";
    TierPledged => "Pledged", "已认捐";
    TierSecured => "Secured", "已落实";
    TierWithdrawn => "Withdrawn", "已撤回";
    StatusExpressionOfInterest => "Expression of interest", "意向表达";
    StatusIndicativePledge => "Indicative pledge", "指示性认捐";
    StatusLetterOfIntent => "Letter of intent", "意向书";
    StatusMouSigned => "MoU signed", "已签署谅解备忘录";
    StatusFirmCommitment => "Firm commitment", "确定承诺";
    StatusDisbursed => "Disbursed", "已拨付";
    StatusWithdrawn => "Withdrawn", "已撤回";
    InstrumentGrant => "Standard grant", "标准赠款";
    InstrumentLoan => "Standard loan", "标准贷款";
    InstrumentReimbursableGrant => "Reimbursable grant", "可偿还赠款";
    InstrumentBonds => "Bonds", "债券";
    InstrumentSubordinatedLoan => "Subordinated loan", "次级贷款";
    InstrumentEquity => "Common equity", "普通股权";
    InstrumentGuarantee => "Guarantee / insurance", "担保/保险";
    InstrumentInKind => "In kind", "实物捐助";
    InstrumentTechnicalAssistance => "Technical assistance", "技术援助";
    InstrumentStaffTime => "Staff time", "人员时间";
    InstrumentLandOrFacilities => "Land or facilities", "土地或设施";
    ProblemAmountFormat => "Write the amount with digits and at most one decimal point, such as 1250000.50.", "请用数字填写金额，最多一个小数点，例如 1250000.50。";
    ProblemNegative => "The amount cannot be negative.", "金额不能为负数。";
    ProblemPositive => "The amount must be more than zero.", "金额必须大于零。";
    ProblemTooManyDecimals => "This currency does not have that many decimals.", "该货币不允许这么多位小数。";
    ProblemAmountTooLarge => "This amount is above the largest one accepted, 1,000,000,000,000,000.", "金额超过可接受的上限 1,000,000,000,000,000。";
    ProblemRateOutOfRange => "Give a rate between 0.0000001 and 10,000,000 reporting units for one unit.", "请填写 0.0000001 至 10,000,000 之间的汇率（每单位折合报告货币）。";
    ProblemRateTooPrecise => "Give the rate with at most 12 decimals.", "汇率最多保留 12 位小数。";
    OutOfRange => "stored amounts or rates are beyond the accepted limits and are not in these totals", "项已存金额或汇率超出可接受上限，未计入上述合计";
    FiguresOutOfRange => "These totals are too large to compute; see the register.", "合计数额过大，无法计算；请查看登记册。";
    OutOfRangeFigure => "out of range", "超出范围";
    ProblemYearRange => "Give years between 2000 and 2100, separated by commas.", "请填写 2000 至 2100 之间的年份，用逗号分隔。";
    ProblemDateFormat => "Give the date as YYYY-MM-DD.", "请按 YYYY-MM-DD 格式填写日期。";
    ProblemUnknownCode => "No workshop has this code. Check the screen and try again.", "没有研讨会使用此代码。请核对屏幕后重试。";
    ProblemStageLocked => "This stage is locked; nothing was changed.", "此阶段已锁定，未做任何更改。";
    ProblemUnknownOrganisation => "This organisation is not part of the workshop.", "该机构不属于本研讨会。";
    ProblemCannotChange => "This cannot be changed once recorded.", "登记后不能更改此项。";
    ProblemDiscussionClosed => "This question is closed; your answer was not sent.", "此问题已结束，您的回答未发送。";
    FieldTitle => "Project title", "项目名称";
    FieldTitleHelp => "The name the proposal will carry, in a few words.", "提案所用的名称，几个词即可。";
    FieldGoalAssumptions => "Assumptions for the goal", "目标的假设";
    FieldGoalAssumptionsHelp => "What must hold, outside the programme's control, for the goal to be reached.", "在项目控制之外、实现目标所必须具备的条件。";
    FieldPurposeAssumptions => "Assumptions for the purpose", "目的的假设";
    FieldPurposeAssumptionsHelp => "What must hold, outside the programme's control, for the purpose to lead to the goal.", "在项目控制之外、使目的能够促成目标的条件。";
    FieldDataSharing => "Data sharing", "数据共享";
    FieldDataSharingHelp => "Who may see and reuse which data, and under which law.", "谁可以查看和再利用哪些数据，依据哪项法律。";
    FieldIntellectualProperty => "Intellectual property", "知识产权";
    FieldIntellectualPropertyHelp => "Who owns what the programme builds, and who may use it.", "项目所建成果归谁所有，谁可以使用。";
    FieldExitRules => "Exit", "退出";
    FieldExitRulesHelp => "How a partner can leave, and what happens to its share.", "合作伙伴如何退出，其份额如何处理。";
    FieldDisputeRules => "Disputes", "争议";
    FieldDisputeRulesHelp => "How disagreements are settled: first talks, then mediation or arbitration.", "如何解决分歧：先协商，再调解或仲裁。";
    FieldSustainability => "Sustainability", "可持续性";
    FieldSustainabilityHelp => "How the services keep running and are paid for once the programme ends.", "项目结束后，各项服务如何持续运行、由谁出资。";
    FieldMonitoringEvaluation => "Monitoring and evaluation", "监测与评估";
    FieldMonitoringEvaluationHelp => "Who measures the indicators, how often, and when the programme is evaluated.", "由谁测量各项指标、多久测量一次，以及何时评估项目。";
    StartHeading => "How do you want to start?", "您希望如何开始？";
    StartHelp => "The template fills in the usual components, indicators and trade-facilitation references of a customs and logistics programme; the room then edits all of it. A blank start begins with empty lists.", "模板会预先填入海关与物流项目常见的组成部分、指标和贸易便利化条款，随后由全场共同修改。空白开始则从空列表起步。";
    StartFromTemplate => "Start from the customs-and-logistics template", "使用海关与物流模板开始";
    StartBlank => "Start blank", "空白开始";
    NotStartedYet => "The facilitator has not started this design yet.", "主持人尚未开始此设计。";
    StepsDone => "steps done", "个步骤已完成";
    StepDone => "done", "已完成";
    StepToDo => "to do", "待完成";
    StepProject => "The project", "项目概况";
    StepProjectHelp => "Name the project, say what problem it solves and where, and split its duration into phases.", "为项目命名，说明它要解决的问题和范围，并将周期划分为若干阶段。";
    StepResults => "Results framework", "成果框架";
    StepResultsHelp => "From the goal down to activities: what changes, how you will know (indicators with a baseline and a target), and what must hold outside your control.", "从目标到活动：会发生什么变化，如何衡量（带基线和目标的指标），以及哪些外部条件必须成立。";
    StepComponents => "Components", "组成部分";
    StepComponentsHelp => "The work packages: who leads each, what it costs each year, and which outputs it delivers.", "工作包：由谁牵头、每年成本多少、交付哪些产出。";
    StepRisks => "Risks", "风险";
    StepRisksHelp => "What could go wrong, how likely and how serious it is (1 to 5), and who does what about it.", "可能出现什么问题，可能性和严重程度如何（1 至 5），由谁负责应对。";
    StepRoles => "Partners and roles", "合作伙伴与角色";
    StepRolesHelp => "Each organisation's roles, in IATI's terms and in a public-private partnership's.", "每个机构的角色，按 IATI 和公私合营的分类。";
    StepResponsibilities => "Responsibility matrix", "职责矩阵";
    StepResponsibilitiesHelp => "For each component, who is Responsible, Accountable, Consulted or Informed. Each component needs exactly one A and at least one R.", "对每个组成部分，谁负责执行（R）、谁承担最终责任（A）、谁被咨询（C）、谁被告知（I）。每个组成部分须恰好有一个 A，至少有一个 R。";
    StepGovernance => "Governance", "治理";
    StepGovernanceHelp => "The bodies that steer the programme: who sits on them, who chairs, how they decide and how often they meet.", "指导项目的机构：成员、主席、决策规则和会议频率。";
    StepAgreements => "Agreements", "协议";
    StepAgreementsHelp => "Where each partner stands, and the dates of its letter of intent, MoU and partnership agreement.", "每个合作伙伴所处的阶段，以及意向书、谅解备忘录和合作协议的日期。";
    StepPrinciples => "Principles", "原则";
    StepPrinciplesHelp => "Short rules the partners agree on before they sign.", "合作伙伴在签署前商定的简要规则。";
    AddPhase => "Add a phase", "添加阶段";
    AddOutput => "Add an output", "添加产出";
    AddActivity => "Add an activity", "添加活动";
    AddIndicator => "Add an indicator", "添加指标";
    AddComponent => "Add a component", "添加组成部分";
    AddRisk => "Add a risk", "添加风险";
    AddBody => "Add a governance body", "添加治理机构";
    Remove => "Remove", "删除";
    NewItem => "New, not yet saved", "新建，尚未保存";
    Name => "Name", "名称";
    StartYear => "First year", "起始年份";
    EndYear => "Last year", "结束年份";
    Description => "Description", "描述";
    Code => "Code", "编号";
    TitleLabel => "Title", "标题";
    Assumptions => "Assumptions", "假设";
    OutputLabel => "Output", "产出";
    Inputs => "Means and inputs", "手段与投入";
    Level => "Level in the results chain", "在成果链中的层级";
    LevelImpact => "Goal (impact)", "目标（影响）";
    LevelOutcome => "Purpose (outcome)", "目的（成果）";
    IndicatorName => "Indicator", "指标";
    Unit => "Unit", "单位";
    Baseline => "Baseline", "基线";
    BaselineYear => "Baseline year", "基线年份";
    Target => "Target", "目标值";
    TargetYear => "Target year", "目标年份";
    MeansOfVerification => "Means of verification", "验证方式";
    LeadPartner => "Lead partner", "牵头伙伴";
    NoneYet => "None yet", "暂无";
    LinkedOutputs => "Outputs it delivers", "交付的产出";
    TfaMeasures => "WTO Trade Facilitation Agreement measures", "世贸组织《贸易便利化协定》措施";
    YearlyCost => "Cost estimate by year", "按年度的成本估算";
    RiskLabel => "Risk", "风险";
    Category => "Category", "类别";
    Likelihood => "Likelihood (1 rare – 5 almost certain)", "可能性（1 罕见 – 5 几乎肯定）";
    Impact => "Impact (1 negligible – 5 severe)", "影响（1 轻微 – 5 严重）";
    Mitigation => "Mitigation", "缓解措施";
    RiskOwner => "Owner", "负责方";
    IatiRoles => "IATI roles", "IATI 角色";
    PppRoles => "Roles in the partnership", "公私合营角色";
    BodyKindLabel => "Kind of body", "机构类型";
    Members => "Members", "成员";
    Chair => "Chair", "主席";
    DecisionRuleLabel => "Decision rule", "决策规则";
    Cadence => "Meets", "会议频率";
    PartneringStageLabel => "Partnering stage", "合作阶段";
    LetterOfIntentDate => "Letter of intent signed", "意向书签署日期";
    MouDate => "MoU signed", "谅解备忘录签署日期";
    AgreementDate => "Partnership agreement signed", "合作协议签署日期";
    Logframe => "Logical framework", "逻辑框架";
    LfNarrative => "Narrative summary", "概要说明";
    LfIndicators => "Indicators", "指标";
    LfVerification => "Means of verification", "验证方式";
    LfAssumptions => "Assumptions", "假设";
    LfGoal => "Goal", "目标";
    LfPurpose => "Purpose", "目的";
    LfOutputs => "Outputs", "产出";
    LfActivities => "Activities", "活动";
    RiskMatrix => "Risk matrix: likelihood by impact", "风险矩阵：可能性 × 影响";
    LikelihoodAxis => "Likelihood", "可能性";
    HelpLevel => "Goal: the long-term change the programme contributes to. Purpose: what the programme itself achieves. Output: what it delivers.", "目标：项目所促成的长期变化。目的：项目本身实现的成果。产出：项目交付的东西。";
    HelpBaseline => "The value today, before the programme starts; leave it empty until someone has measured it.", "项目开始前的当前数值；尚未测量时可留空。";
    HelpTarget => "The value the programme aims for by the target year.", "项目计划在目标年份达到的数值。";
    HelpVerification => "Where the figure will come from, and who reports it.", "数据从何而来，由谁报告。";
    HelpOutputAssumptions => "What must hold, outside the programme's control, for this output to serve the purpose.", "在项目控制之外、使此产出能够服务于目的的条件。";
    HelpInputs => "The people, money or equipment the activity needs.", "该活动所需的人员、资金或设备。";
    HelpTfa => "The articles of the WTO Trade Facilitation Agreement this component helps countries meet; governments report against them.", "此组成部分帮助各国落实的世贸组织《贸易便利化协定》条款；各国政府按这些条款报告进展。";
    HelpMitigation => "What will be done to make the risk less likely or less harmful.", "为降低风险发生的可能性或危害而采取的措施。";
    HelpIatiRoles => "Funding gives the money; accountable answers for it; extending manages it for a funder; implementing does the work.", "出资方提供资金；问责方对资金负责；执行委托方代出资方管理；实施方开展具体工作。";
    HelpDecisionRule => "Consensus: everyone agrees. Majority: more than half. Weighted: votes count by an agreed weight, such as contribution.", "协商一致：全体同意。多数决：过半数同意。加权表决：按约定权重（如出资额）计票。";
    HelpPartneringStage => "Where the partnership stands, from exploring it (scoping) to keeping it going (sustaining).", "合作关系所处的阶段，从初步探索（范围界定）到长期维持（持续）。";
    ImpactAxis => "Impact", "影响";
    Duration => "Duration", "周期";
    Partner => "Partner", "合作伙伴";
    Check => "Check", "检查";
    FlagNoAccountable => "No A: one partner must be accountable.", "缺少 A：须有一个合作伙伴承担最终责任。";
    FlagSeveralAccountable => "More than one A: only one partner may be accountable.", "A 多于一个：只能有一个合作伙伴承担最终责任。";
    FlagNoResponsible => "No R: someone must do the work.", "缺少 R：须有人负责执行。";
    FlagComplete => "Complete", "完整";
    ItemEditedMeanwhile => "Someone else saved this meanwhile. Their version is below; keep theirs, or keep yours and save again.", "有人在此期间保存了此项。下方是对方的版本；您可以采用对方版本，或保留您的版本后再次保存。";
    ItemRemovedMeanwhile => "Someone else removed this meanwhile.", "有人在此期间删除了此项。";
    CellChangedMeanwhile => "Someone else changed this cell meanwhile; it now shows their choice. Choose again if you disagree.", "有人在此期间修改了此单元格，现显示对方的选择。如有异议，请重新选择。";
    OwnRowsOnly => "You can change your own organisation's roles, agreement and column of the matrix.", "您可以修改本机构的角色、协议和矩阵中的本机构一列。";
    PartnershipIntro => "Who does what, how the partners decide together, and how far each has agreed.", "谁做什么、合作伙伴如何共同决策，以及各方的协议进展。";
    PartnershipLockedNotice => "This stage is locked: it can be read but not changed.", "此阶段已锁定：只能查看，不能修改。";
    RiskCategoryPolitical => "Political", "政治";
    RiskCategoryLegal => "Legal", "法律";
    RiskCategoryFinancial => "Financial", "财务";
    RiskCategoryTechnical => "Technical", "技术";
    RiskCategoryOperational => "Operational", "运营";
    RiskCategorySocial => "Social", "社会";
    RiskCategoryEnvironmental => "Environmental", "环境";
    IatiFunding => "Funding (1)", "出资方（1）";
    IatiAccountable => "Accountable (2)", "问责方（2）";
    IatiExtending => "Extending (3)", "执行委托方（3）";
    IatiImplementing => "Implementing (4)", "实施方（4）";
    PppContractingAuthority => "Contracting authority", "订约机构";
    PppConcessionaire => "Concessionaire / special-purpose company", "特许经营方/项目公司";
    PppLender => "Lender", "贷款方";
    PppGuarantor => "Guarantor", "担保方";
    PppOperator => "Operator", "运营方";
    PppTechnologyProvider => "Technology provider", "技术提供方";
    PppTransactionAdviser => "Transaction adviser", "交易顾问";
    RaciResponsible => "R – Responsible", "R – 负责执行";
    RaciAccountable => "A – Accountable", "A – 最终负责";
    RaciConsulted => "C – Consulted", "C – 被咨询";
    RaciInformed => "I – Informed", "I – 被告知";
    BodySteeringCommittee => "Steering committee", "指导委员会";
    BodyProjectManagementUnit => "Project management unit", "项目管理办公室";
    BodyTechnicalWorkingGroup => "Technical working group", "技术工作组";
    BodyTradeFacilitationCommittee => "Trade-facilitation committee", "贸易便利化委员会";
    BodyOther => "Other body", "其他机构";
    RuleConsensus => "Consensus", "协商一致";
    RuleMajority => "Majority", "多数决";
    RuleWeighted => "Weighted vote", "加权表决";
    PartneringScoping => "1 Scoping", "1 范围界定";
    PartneringIdentifying => "2 Identifying", "2 识别伙伴";
    PartneringBuilding => "3 Building (MoU)", "3 建立关系（谅解备忘录）";
    PartneringPlanning => "4 Planning", "4 规划";
    PartneringManaging => "5 Managing", "5 管理";
    PartneringResourcing => "6 Resourcing", "6 筹集资源";
    PartneringImplementing => "7 Implementing", "7 实施";
    PartneringReviewing => "8 Reviewing", "8 评估";
    PartneringSustaining => "9 Sustaining", "9 持续";
    ProblemWholeNumber => "Give a whole number, such as 2028.", "请填写整数，例如 2028。";
    ProblemNumber => "Give a number, such as 12.5.", "请填写数字，例如 12.5。";
    ProblemRange => "This number is outside the allowed range.", "此数字超出允许范围。";
    ProblemEndBeforeStart => "The last year cannot be before the first.", "结束年份不能早于起始年份。";
    ProblemAlreadyStarted => "This design has already been started.", "此设计已经开始。";
    ProblemUnknownOutput => "This output is not in the design.", "此产出不在设计中。";
    ProblemUnknownComponent => "This component is not in the design.", "此组成部分不在设计中。";
    ProblemUnknownTfa => "This is not a Trade Facilitation Agreement measure.", "这不是《贸易便利化协定》的措施。";
    ProblemDuplicateYear => "Each year can have only one cost.", "每年只能有一项成本。";
    ProblemHasCommitments => "Commitments are earmarked to this component, so it cannot be removed.", "已有承诺指定用于此组成部分，因此不能删除。";
    // Stage 3: the business model.
    StepStructure => "PPP structure", "PPP 结构";
    StepStructureHelp => "Which functions go to the private side, who pays, and for how long. The named structure follows from those choices.", "哪些职能交给私营方、由谁付费、期限多长。结构名称由这些选择得出。";
    StepCanvas => "Business Model Canvas", "商业模式画布";
    StepCanvasHelp => "Short items in the nine blocks; everyone can add at once.", "在九个板块中填写简短条目；每个人都可以同时添加。";
    StepRevenues => "Revenues", "收入";
    StepRevenuesHelp => "Each revenue stream with its price, volume and growth by year.", "每项收入来源及其每年的价格、数量和增长。";
    StepCosts => "Costs", "成本";
    StepCostsHelp => "Capital costs (stage 1's component estimates and any more) and running costs by year.", "资本成本（第 1 阶段各组成部分的估算及其他）和每年的运营成本。";
    StepFigures => "Figures", "财务指标";
    StepFiguresHelp => "The assumptions, and what they give: cash flow, NPV, IRR, payback, debt cover, the gaps and the sensitivity.", "假设条件及其结果：现金流、净现值、内部收益率、回收期、偿债覆盖率、资金缺口和敏感性。";
    StepRiskAllocation => "Risk allocation", "风险分配";
    StepRiskAllocationHelp => "Who carries each risk of stage 1: each organisation may vote; the facilitator settles.", "第 1 阶段的每项风险由谁承担：每个机构可以投票，由主持人最终确定。";
    FnDesign => "Design", "设计";
    FnBuild => "Build", "建设";
    FnFinance => "Finance", "融资";
    FnMaintain => "Maintain", "维护";
    FnOperate => "Operate", "运营";
    PayerUsers => "Users pay", "用户付费";
    PayerGovernment => "Government pays", "政府付费";
    PayerMixed => "Users and government", "用户与政府共同付费";
    AssetNew => "New asset", "新建资产";
    AssetExisting => "Existing asset", "现有资产";
    OwnershipPublic => "Public throughout", "始终归公共方所有";
    OwnershipUntilTransfer => "Private until handed over", "移交前归私营方所有";
    OwnershipPrivate => "Private for good", "永久归私营方所有";
    PrivateFunctions => "Functions on the private side", "由私营方承担的职能";
    PayerLabel => "Who pays", "付费方";
    AssetLabel => "Asset", "资产";
    OwnershipLabel => "Ownership during the term", "期限内的所有权";
    TermYears => "Term (years)", "期限（年）";
    ChosenStructure => "Structure (facilitator's choice)", "结构（主持人选定）";
    AsSuggested => "As suggested", "按建议";
    Suggested => "Suggested", "建议";
    StructurePublicProcurement => "Public procurement", "公共采购";
    StructureManagementContract => "Management contract", "管理合同";
    StructureLease => "Lease (affermage)", "租赁（经营租赁）";
    StructureDbom => "Design-build-operate-maintain (DBOM)", "设计-建设-运营-维护（DBOM）";
    StructureBot => "Build-operate-transfer (BOT)", "建设-运营-移交（BOT）";
    StructureBoot => "Build-own-operate-transfer (BOOT)", "建设-拥有-运营-移交（BOOT）";
    StructureBoo => "Build-own-operate (BOO)", "建设-拥有-运营（BOO）";
    StructureDbfom => "Design-build-finance-operate-maintain (DBFOM)", "设计-建设-融资-运营-维护（DBFOM）";
    StructureAvailabilityPpp => "Availability-payment PPP", "可用性付费 PPP";
    StructureConcession => "Concession", "特许经营";
    ExplainPublicProcurement => "The public side pays for and runs the system; private firms only design or build it under ordinary contracts.", "公共方出资并运营系统；私营企业仅按普通合同进行设计或建设。";
    ExplainManagementContract => "A private operator runs an existing public system for a fee from the government; the public side keeps investing and takes the demand risk.", "私营运营商为现有公共系统提供运营服务，由政府支付费用；公共方继续投资并承担需求风险。";
    ExplainLease => "A private operator runs an existing system and collects the users' fees, paying the public owner a lease; the public side still funds major investment.", "私营运营商运营现有系统并收取用户费用，向公共所有者支付租金；重大投资仍由公共方出资。";
    ExplainDbom => "A private firm designs, builds, operates and maintains a new system that the public side pays for up front; no private finance is at risk.", "私营企业设计、建设、运营和维护新系统，由公共方预先出资；没有私人资金承担风险。";
    ExplainBot => "A private firm finances, builds and runs a new system, earns its return from users' fees, and hands it over at the end; the public side owns it throughout.", "私营企业为新系统融资、建设并运营，从用户费用中获得回报，期满后移交；公共方始终拥有该资产。";
    ExplainBoot => "As BOT, but the private firm owns the system until it hands it over at the end of the term.", "与 BOT 相同，但在期满移交之前，该系统归私营企业所有。";
    ExplainBoo => "A private firm finances, builds, owns and runs the system for good, paid by users; nothing is handed back.", "私营企业为系统融资、建设、拥有并永久运营，由用户付费；不移交。";
    ExplainDbfom => "A private firm designs, builds, finances, operates and maintains a new system, paid partly by users and partly by the government.", "私营企业设计、建设、融资、运营和维护新系统，部分由用户付费、部分由政府付费。";
    ExplainAvailabilityPpp => "A private firm designs, builds, finances and runs a new system; the government pays it for keeping the service available, so the private side takes no demand risk.", "私营企业设计、建设、融资并运营新系统；政府根据服务的可用性付费，私营方不承担需求风险。";
    ExplainConcession => "A private firm takes over an existing system, invests in it with its own finance and earns its return from users for the term.", "私营企业接管现有系统，以自有资金投资，并在期限内向用户收费获得回报。";
    CanvasKeyPartnerships => "Key partnerships", "重要伙伴";
    CanvasKeyActivities => "Key activities", "关键业务";
    CanvasKeyResources => "Key resources", "核心资源";
    CanvasValuePropositions => "Value propositions", "价值主张";
    CanvasCustomerRelationships => "Customer relationships", "客户关系";
    CanvasChannels => "Channels", "渠道通路";
    CanvasCustomerSegments => "Customer segments", "客户细分";
    CanvasCostStructure => "Cost structure", "成本结构";
    CanvasRevenueStreams => "Revenue streams", "收入来源";
    CanvasBlockLabel => "Block", "板块";
    CanvasItem => "Item", "条目";
    AddCanvasEntry => "Add to the canvas", "添加到画布";
    RevenuePerDeclarationFee => "Per-declaration fee", "按申报收费";
    RevenueSubscription => "Subscription", "订阅";
    RevenueAvailabilityPayment => "Availability payment", "可用性付费";
    RevenueCostRecovery => "Cost recovery", "成本回收";
    RevenueFreeTier => "Free tier", "免费层";
    BasisPerUnit => "A fixed amount per unit", "每单位固定金额";
    BasisPercentOfValue => "A percentage of the goods' value", "按货物价值的百分比";
    RevenueName => "Revenue stream", "收入来源";
    RevenueKindLabel => "Kind", "类型";
    FeeBasisLabel => "How the fee is set", "收费方式";
    PricePerUnit => "Price per unit", "单价";
    VolumeFirstYear => "Units in its first year", "首年数量";
    PriceGrowth => "Price growth (% a year)", "价格增长（每年 %）";
    VolumeGrowth => "Volume growth (% a year)", "数量增长（每年 %）";
    FromModelYear => "From model year", "起始模型年份";
    ModelYearHelp => "Year 0 is the first investment year.", "第 0 年为首个投资年度。";
    AddRevenue => "Add a revenue stream", "添加收入来源";
    CapexName => "Capital cost", "资本成本";
    ComponentField => "Component", "组成部分";
    CapexFromComponents => "From stage 1's components", "来自第 1 阶段的组成部分";
    ModelYear => "Model year", "模型年份";
    AddCapex => "Add a capital cost", "添加资本成本";
    OpexName => "Running cost", "运营成本";
    OpexAmount => "A year's cost in its first year", "首年的年度成本";
    GrowthPercent => "Growth (% a year)", "增长（每年 %）";
    AddOpex => "Add a running cost", "添加运营成本";
    SetStructure => "Set the structure", "设定结构";
    SetAssumptions => "Set the assumptions", "设定假设";
    Assumptions3 => "Assumptions", "假设";
    FirstInvestmentYear => "First investment year (year 0)", "首个投资年度（第 0 年）";
    DiscountRate => "Discount rate and required return (%)", "折现率与要求回报率（%）";
    ContingencyPercent => "Contingency on capital cost (%)", "资本成本不可预见费（%）";
    RefreshEvery => "ICT refresh every (years)", "信息通信技术更新周期（年）";
    RefreshPercent => "Refresh cost (% of the capital cost)", "更新成本（占资本成本的 %）";
    HoursSaved => "Hours saved per declaration", "每份申报节省的小时数";
    ValueOfTime => "Value of an hour of a trader's time", "贸易商每小时时间的价值";
    EconomicDiscountRate => "Social discount rate (%)", "社会折现率（%）";
    FromStage1 => "From stage 1", "来自第 1 阶段";
    AllocationPublic => "Public", "公共方";
    AllocationPrivate => "Private", "私营方";
    AllocationShared => "Shared", "共担";
    AllocationLabel => "Settled allocation", "最终分配";
    YourVote => "Your organisation's vote", "本机构的投票";
    VotesCount => "votes", "票";
    ConsensusLegend => "Each cell counts one vote per organisation; the darker, the larger its share. A framed cell is the facilitator's settlement.", "每格统计每个机构一票；颜色越深，占比越大。带框的格子是主持人的最终决定。";
    ShowOnScreen => "Open the projector screen", "打开投影屏幕";
    NotSettled => "Not settled", "未确定";
    Npv => "NPV", "净现值";
    NpvNote => "Year 0 is not discounted.", "第 0 年不折现。";
    Irr => "IRR", "内部收益率";
    Mirr => "MIRR", "修正内部收益率";
    NoIrr => "No IRR: the cash flows never change sign.", "无内部收益率：现金流从未改变符号。";
    IrrNotUnique => "The IRR is not unique: the cash flows change sign more than once. The MIRR is shown instead.", "内部收益率不唯一：现金流多次改变符号。改为显示修正内部收益率。";
    PaybackYear => "Payback", "回收期";
    NoPayback => "Not within the term", "期限内无法回收";
    DscrMinimum => "Minimum DSCR", "最低偿债覆盖率";
    DscrAverage => "Average DSCR", "平均偿债覆盖率";
    NoDebt => "No loans with terms recorded in stage 4.", "第 4 阶段未记录带有条款的贷款。";
    ViabilityGap => "Viability gap", "可行性缺口";
    ViabilityGapHelp => "The grant in year 0 that brings the private NPV to zero at the required return.", "在要求回报率下使私营方净现值为零所需的第 0 年补助。";
    EconomicNpv => "Economic NPV", "经济净现值";
    EconomicNpvHelp => "Hours saved per declaration × declarations × value of time, less the costs, at the social discount rate.", "每份申报节省的小时数 × 申报数量 × 时间价值，减去成本，按社会折现率计算。";
    TotalCapex => "Capital cost with contingency and refresh", "含不可预见费和更新的资本成本";
    GapAfterSecured => "Funding gap after secured money", "扣除已落实资金后的资金缺口";
    GapAfterPledges => "Funding gap if pledges are honoured", "如认捐兑现后的资金缺口";
    YearLabel => "Year", "年份";
    RevenueLabel => "Revenue", "收入";
    OpexLabel => "Running costs", "运营成本";
    CapexLabel => "Capital costs", "资本成本";
    NetCashFlow => "Net cash flow", "净现金流";
    CumulativeCashFlow => "Cumulative", "累计";
    DebtService => "Debt service", "还本付息";
    Sensitivity => "Sensitivity", "敏感性分析";
    Scenario => "Case", "情景";
    BaseCase => "Base case", "基准情景";
    ScenarioVolume => "Volume", "数量";
    ScenarioPrice => "Price", "价格";
    ScenarioCapexOverrun => "Capital cost overrun", "资本成本超支";
    ScenarioDelay => "One-year delay", "推迟一年";
    CashFlowChart => "Net cash flow by year, and cumulative", "各年净现金流及累计";
    TornadoChart => "NPV in each case, against the base case", "各情景下的净现值与基准情景对比";
    ModelIncomplete => "The figures appear once the structure (its term) and the assumptions are set.", "设定结构（期限）和假设后即显示财务指标。";
    ModelOutOfRange => "These inputs go beyond what can be computed exactly; check the amounts and rates.", "这些输入超出了可精确计算的范围；请检查金额和比率。";
    FeeAdValorem => "A fee set as a percentage of the goods' value is not a fee for a service: GATT Article VIII and WTO TFA Article 6.2 limit customs fees to the approximate cost of the service rendered.", "按货物价值百分比收取的费用不是服务费：GATT 第八条和 WTO《贸易便利化协定》第 6.2 条将海关费用限于所提供服务的大致成本。";
    FeeAboveCost => "This fee is above the cost of the service per declaration. GATT Article VIII and WTO TFA Article 6.2 limit fees for customs processing to the approximate cost of the service rendered.", "此费用高于每份申报的服务成本。GATT 第八条和 WTO《贸易便利化协定》第 6.2 条将海关处理费用限于所提供服务的大致成本。";
    CostPerDeclaration => "Cost of the service per declaration over the term", "期限内每份申报的服务成本";
    FinancingFromStage4 => "Financing from stage 4", "来自第 4 阶段的融资";
    LoansLabel => "Loans", "贷款";
    GrantsLabel => "Grants", "赠款";
    EquityLabel => "Equity", "股权";
    ProblemFreeTierHasNoPrice => "A free tier has no price: give 0.", "免费层没有价格：请填写 0。";
    ProblemUnknownRisk => "This risk is not in the design.", "此风险不在设计中。";
    ProblemBeyondTerm => "This year is beyond the structure's term.", "此年份超出了结构的期限。";
    ProblemFacilitatorOnly => "Only a facilitator can change this.", "只有主持人可以更改此项。";
    ProblemTooManyItems => "This list is full: remove an item before adding another.", "此列表已满：请先删除一项再添加。";
    // Money: loan terms, disbursements, yearly schedules, re-rating.
    LoanTerms => "Loan terms", "贷款条件";
    LoanTermsHelp => "For loans, subordinated loans, bonds and reimbursable grants, in the commitment's currency. Leave all three blank if not known yet.", "适用于贷款、次级贷款、债券和可偿还赠款，以承诺的币种计。如尚不清楚，三项均可留空。";
    InterestRatePercent => "Interest rate (% a year)", "年利率（%）";
    TenorYears => "Tenor (years)", "期限（年）";
    GraceYears => "Grace period (years)", "宽限期（年）";
    GraceYearsHelp => "Years before the first repayment; blank for none.", "首次还本前的年数；无宽限期则留空。";
    LoanTermsYears => "years", "年";
    LoanTermsGrace => "years' grace", "年宽限期";
    ProblemNotALoan => "Only loans, subordinated loans, bonds and reimbursable grants carry loan terms: choose one of those, or clear the terms.", "只有贷款、次级贷款、债券和可偿还赠款才有贷款条件：请选择其中之一，或清空贷款条件。";
    ProblemInterestRateRange => "Give the rate in percent a year, from 0 to 30, with at most 4 decimals, such as 2.5.", "请以年百分比填写利率，0 至 30，最多 4 位小数，例如 2.5。";
    ProblemTenorRange => "Give the tenor in whole years, from 1 to 50.", "请以整年填写期限，1 至 50 年。";
    ProblemGraceRange => "Give the grace period in whole years, shorter than the tenor.", "请以整年填写宽限期，且须短于期限。";
    Disbursed => "Disbursed", "已拨付";
    Undisbursed => "Undisbursed", "未拨付";
    DisbursedNote => "Disbursed is the part of secured money already paid out; it is counted in secured, never added to it.", "已拨付是已落实资金中已经支付的部分；它计入已落实资金，不另行相加。";
    Disbursements => "Disbursements", "拨付记录";
    RecordDisbursement => "Record a disbursement", "记录一笔拨付";
    DisbursementDate => "Value date", "支付日期";
    DisbursementAmount => "Paid", "支付金额";
    DisbursementAmountHelp => "In the commitment's own currency.", "以承诺本身的币种计。";
    PaidOf => "paid of", "已付，承诺总额";
    ProblemNotDisbursable => "Disbursements are recorded only against a firm commitment of cash.", "只能针对已确认的现金承诺记录拨付。";
    ProblemBeyondCommitted => "Together with what was already paid, this is more than the commitment.", "加上已支付的金额，超过了承诺总额。";
    ProblemFutureDate => "Give the day it was paid: not a date in the future.", "请填写实际支付日期，不能是将来的日期。";
    ProblemBelowDisbursed => "More than this has already been disbursed.", "已拨付的金额已超过此数。";
    ProblemNotFullyDisbursed => "It is disbursed only once its disbursements reach its amount: keep it a firm commitment.", "只有拨付总额达到承诺金额时才算已拨付：请保持为已确认承诺。";
    Schedule => "Schedule by year", "逐年安排";
    ScheduleHelp => "One year a line, such as 2027: 1,500,000. The years must add up to the amount exactly. Leave blank if not known yet.", "每行一个年份，例如 2027: 1,500,000。各年金额之和必须恰好等于总额。如尚不清楚可留空。";
    ByYear => "By year", "按年度";
    ByYearHelp => "What the design's components cost each year, against the cash secured and pledged for that year (commitments laid out by year; the others below).", "设计中各组成部分每年的成本，对照当年已落实和已认捐的现金（按年度安排的承诺；其余见下）。";
    YearColumn => "Year", "年份";
    NotScheduled => "Not laid out by year", "未按年度安排";
    ProblemScheduleSum => "Each year's amount must be more than 0 and the years must add up exactly to the amount.", "每年金额须大于 0，且各年之和须恰好等于总额。";
    ProblemScheduleFormat => "Give one year a line, such as 2027: 1,500,000.", "请每行填写一个年份，例如 2027: 1,500,000。";
    ReRate => "Apply a rate again", "重新适用汇率";
    ReRateHelp => "Converts again, at the currency's current rate, its commitments recorded without a rate, or all of them recorded since a day (to correct a mistyped rate). Each commitment's history keeps its amount before and after.", "按该货币的现行汇率，重新换算未记录汇率的承诺，或自某日起记录的全部承诺（用于更正输错的汇率）。每项承诺的历史记录保留换算前后的金额。";
    RateOfDay => "Rate set on", "汇率设定日期";
    ReRateWithoutRate => "Commitments recorded without a rate", "未记录汇率的承诺";
    ReRateSince => "Commitments recorded since", "自此日起记录的承诺";
    ProblemNoSuchRate => "This currency has no rate set on that day: give the day of its current rate.", "该货币在那一天没有设定汇率：请填写现行汇率的设定日期。";
    // The consolidated proposal (stage 5).
    ProposalVersion => "Version", "版本";
    ProposalAsOfEvent => "as the workshop stands at event", "工作坊当前状态，截至事件";
    ProposalContents => "Contents", "目录";
    SectionSummary => "Summary", "摘要";
    SectionContext => "Context and problem", "背景与问题";
    SectionStakeholders => "Stakeholders and partners", "利益相关方与合作伙伴";
    SectionStrategy => "Strategy and results framework", "战略与成果框架";
    SectionComponents => "Components", "组成部分";
    SectionPartnership => "Partnership and governance", "伙伴关系与治理";
    SectionBusinessModel => "Business model", "商业模式";
    SectionFinancing => "Financing plan", "融资计划";
    SectionRisks => "Risks and mitigation", "风险与缓解措施";
    SectionMonitoring => "Monitoring and evaluation", "监测与评估";
    SectionSustainability => "Sustainability", "可持续性";
    SectionAnnexes => "Annexes", "附件";
    MissingLabel => "Missing:", "缺少：";
    FilledInStage => "filled in", "填写于";
    FilledOnProposalPage => "written by a facilitator on the proposal page", "由主持人在提案页面撰写";
    GapSummary => "the summary", "摘要";
    GapProblem => "the problem statement", "问题陈述";
    GapPartners => "the partners' roles", "合作伙伴的角色";
    GapResults => "the results chain (goal, purpose, outputs with indicators)", "成果链（总目标、目的、附指标的产出）";
    GapComponents => "the components", "组成部分";
    GapCosting => "the cost of some components: the budget is not complete", "部分组成部分的成本：预算尚不完整";
    GapResponsibilities => "a complete responsibility matrix (one A and at least one R per component)", "完整的责任矩阵（每个组成部分一个 A、至少一个 R）";
    GapGovernance => "the governance bodies", "治理机构";
    GapStructure => "the PPP structure", "PPP 结构";
    GapCanvas => "the business model canvas (all nine blocks)", "商业模式画布（全部九个模块）";
    GapRevenues => "the revenue streams", "收入来源";
    GapFigures => "the projections (the structure's term and the assumptions)", "财务预测（结构期限与假设）";
    GapCommitments => "commitments", "资金承诺";
    GapRisks => "the risks", "风险";
    GapIndicators => "the indicators", "指标";
    GapMonitoringText => "how the programme is monitored and evaluated", "项目的监测与评估方式";
    GapSustainabilityText => "how the programme is sustained", "项目的可持续方式";
    GapPhases => "the phases of the work plan", "工作计划的阶段";
    AnnexWorkPlan => "Work plan by phase", "分阶段工作计划";
    AnnexCommitments => "Register of commitments", "资金承诺登记册";
    ColumnOrganisation => "Organisation", "机构";
    ColumnType => "Type", "类型";
    ColumnWhere => "Country, city", "国家、城市";
    ColumnRoles => "Roles", "角色";
    ColumnAgreementStage => "Agreement stage", "协议阶段";
    ColumnLevel => "Level", "层级";
    NotCosted => "not costed", "未估算";
    ColumnComponent => "Component", "组成部分";
    ColumnLead => "Lead partner", "牵头伙伴";
    ColumnOutputs => "Outputs", "产出";
    ColumnTfa => "WTO TFA", "WTO《贸易便利化协定》";
    ColumnCost => "Cost", "成本";
    TotalLabel => "Total", "合计";
    ResponsibilityMatrixHeading => "Responsibility matrix", "责任矩阵";
    ColumnFlags => "To resolve", "待解决";
    GovernanceHeading => "Governance bodies", "治理机构";
    ColumnBody => "Body", "机构";
    ColumnMembers => "Members", "成员";
    ColumnChair => "Chair", "主席";
    ColumnDecisionRule => "Decisions", "决策规则";
    ColumnCadence => "Meets", "会议频率";
    AgreementsHeading => "Agreements", "协议";
    ColumnLetterOfIntent => "Letter of intent", "意向书";
    ColumnMou => "MoU", "谅解备忘录";
    ColumnAgreement => "Partnership agreement", "伙伴关系协议";
    BandLow => "low", "低";
    BandMedium => "medium", "中";
    BandHigh => "high", "高";
    ColumnNumber => "No.", "编号";
    ColumnRisk => "Risk", "风险";
    ColumnCategory => "Category", "类别";
    ColumnScore => "Likelihood × impact", "可能性 × 影响";
    ColumnMitigation => "Mitigation", "缓解措施";
    ColumnResidual => "After mitigation", "缓解后";
    ColumnOwner => "Owner", "负责方";
    ColumnAllocation => "Allocated to", "分配给";
    ColumnIndicator => "Indicator", "指标";
    ColumnUnit => "Unit", "单位";
    ColumnBaseline => "Baseline", "基线";
    ColumnTarget => "Target", "目标值";
    ColumnPhase => "Phase", "阶段";
    ColumnYears => "Years", "年份";
    ColumnDescription => "Description", "说明";
    StructureHeading => "Structure", "结构";
    TermLabel => "Term", "期限";
    PrivateSideLabel => "Private side", "私营方承担";
    PaidByLabel => "Paid by", "付费方";
    CanvasHeading => "Business model canvas", "商业模式画布";
    ColumnBlock => "Block", "模块";
    ColumnEntries => "Entries", "内容";
    ProjectionsHeading => "Projections", "财务预测";
    RiskAllocationHeading => "Risk allocation", "风险分配";
    BySourceHeading => "By source (cash)", "按来源（现金）";
    ColumnSource => "Source", "来源";
    ByComponentHeading => "By component (cash earmarked to it)", "按组成部分（指定用途的现金）";
    EarmarkedOnlyNote => "A component counts only the cash earmarked to it; cash for the whole programme is in the totals above.", "组成部分只计入指定给它的现金；用于整个项目的现金计入上方合计。";
    ByInstrumentHeading => "By instrument", "按工具";
    ColumnInstrument => "Instrument", "工具";
    ByCityHeading => "By city (cash)", "按城市（现金）";
    ColumnCity => "City", "城市";
    RoundingNote => "Each commitment is converted at full precision at the rate it records and rounded to the reporting currency's minor unit; every total is the sum of its rounded lines.", "每项承诺按其记录的汇率以全精度换算，并四舍五入到报告货币的最小单位；每个合计均为各行舍入后金额之和。";
    ColumnStatus => "Status", "状态";
    ColumnEarmark => "Earmark", "指定用途";
    ColumnAmount => "Amount", "金额";
    ColumnConverted => "In the reporting currency", "折合报告货币";
    NoRateYet => "no rate yet", "尚无汇率";
    SectionProposal => "Consolidated proposal", "综合提案";
    ShowingNow => "As it stands now", "当前状态";
    ShowingMoment => "Replayed at event", "回放至事件";
    ProposalTools => "Versions and downloads", "版本与下载";
    DownloadPdf => "PDF", "PDF 文档";
    DownloadDocx => "Word (DOCX)", "Word 文档（DOCX）";
    DownloadMarkdown => "Markdown", "Markdown 文档";
    DownloadHtml => "HTML (print)", "HTML（打印）";
    DownloadProposalJson => "proposal.json", "proposal.json（数据）";
    ReplayLabel => "Replay the session to event", "将会议回放至事件";
    ReplayButton => "Replay", "回放";
    TimelineHelp => "Each event of the session, newest first, with its number in the log and its time. The log now ends at event", "会议的每个事件（最新的在前），附其在日志中的编号和时间。日志目前结束于事件";
    MomentEvent => "Event", "事件";
    DownloadIati => "IATI activity (XML)", "IATI 活动文件（XML）";
    MomentSetup => "setup", "设置";
    MomentPeople => "people joining", "人员加入";
    MomentStage => "stages and timer", "阶段与计时";
    MomentDesign => "design", "设计";
    MomentCommitment => "commitment", "承诺";
    MomentDisbursement => "disbursement", "拨付";
    MomentRates => "exchange rates", "汇率";
    MomentRoom => "questions to the room", "向会场提问";
    MomentProposal => "proposal issued", "方案发布";
    MomentBeyondLog => "The session has no such moment: its log ends earlier. Pick a moment on the timeline, or look at it now.", "会议没有这一时刻：其日志在此之前已结束。请在时间线上选择一个时刻，或查看当前状态。";
    ReplayedOverview => "The workshop as it stood at event", "研讨会在以下事件时的状态：事件";
    CompareBefore => "Compare", "比较";
    CompareAfter => "with", "与";
    CompareButton => "Compare versions", "比较版本";
    VersionLabel => "Label of the new version", "新版本的标签";
    IssueVersion => "Issue a version", "发布版本";
    NoFinancingChange => "The financing plan did not change.", "融资计划没有变化。";
    ColumnLine => "Line", "项目行";
    EditNarrative => "Write the narrative", "撰写叙述部分";
    Preview => "Preview", "预览";
    ProblemHasDisbursements => "Money was already paid on it, so it stays a firm commitment.", "已有款项拨付，因此须保持为已确认承诺。";
    // Participating cities (issue 11).
    CitiesHelp => "The cities of the programme. City earmarks pick from this list, components are attributed to cities, and indicators may give a baseline and target for each city.", "本方案的城市。城市专项指定从此列表中选择，各组成部分可归属到城市，指标可按城市填写基线和目标。";
    NoCities => "No city listed yet.", "尚未列出城市。";
    AddCity => "Add a city", "添加城市";
    CorrectCity => "Correct", "更正";
    SaveCity => "Save city", "保存城市";
    CityName => "City", "城市";
    CityNameZh => "Name in Chinese (if any)", "中文名称（如有）";
    OrganisationNameZh => "Name in Chinese (if it has one)", "中文名称（如有）";
    IatiDisbursementDescription => "Disbursement", "拨付";
    SaveIatiRef => "Save the identifier", "保存标识符";
    OrganisationIatiRef => "IATI organisation identifier (if it has one)", "IATI 组织标识符（如有）";
    OrganisationIatiRefHelp => "The registration agency's prefix, a hyphen and its number there, such as XM-DAC-41114 or CN-SHA-123; the IATI export uses it.", "注册机构前缀、连字符及该机构中的编号，例如 XM-DAC-41114 或 CN-SHA-123；IATI 导出会使用它。";
    ProblemIatiRefFormat => "Give the agency's prefix, a hyphen and the number, such as XM-DAC-41114: capital letters, digits, hyphens, at most 80 characters.", "请填写机构前缀、连字符和编号，例如 XM-DAC-41114：大写字母、数字和连字符，最多 80 个字符。";
    Locode => "UN/LOCODE (if any)", "联合国贸易和运输地点代码（如有）";
    LocodeHelp => "Five characters: the country's two letters and three letters or digits, such as CNSHA for Shanghai.", "五个字符：两个字母的国家代码加三个字母或数字，例如上海为 CNSHA。";
    CityOrganisation => "Organisation of the city (if any)", "代表该城市的机构（如有）";
    ComponentCities => "Cities it is carried out in", "实施所在城市";
    HelpComponentCities => "Its cost counts for these cities in the funding gap by city, split evenly between them.", "其成本计入按城市划分的资金缺口，由这些城市平均分摊。";
    GapByCity => "Funding gap by city", "按城市划分的资金缺口";
    LargestGapsByCity => "Cities with the largest gaps", "资金缺口最大的城市";
    GapByCityHelp => "Required is each city's share of the cost of the components attributed to it (a component in several cities is split evenly, to the cent); secured and pledged are the cash earmarked to the city.", "所需资金为归属到各城市的组成部分成本中该城市的份额（跨多个城市的组成部分按城市平均分摊，精确到分）；已落实和已认捐为专项指定给该城市的现金。";
    ProblemLocodeFormat => "Give five characters: the country's two letters and three letters or digits, such as CNSHA.", "请填写五个字符：两个字母的国家代码加三个字母或数字，例如 CNSHA。";
    ProblemLocodeCountry => "A UN/LOCODE begins with its city's country code.", "联合国地点代码须以该城市的国家代码开头。";
    ProblemUnknownCity => "Choose a city from the workshop's list of participating cities.", "请从本研讨会的参与城市列表中选择城市。";
    ProblemCityRecordsOnly => "Choose a city from the list of participating cities.", "请从参与城市列表中选择城市。";
    // Issue 11's smaller parts: risks, the responsibility matrix, financiers, indicators, the stage timer.
    RaciAccountableResponsible => "A/R – Accountable and responsible", "A/R – 最终负责并执行";
    RiskCategoryDemandAndRevenue => "Demand and revenue", "需求与收入";
    RiskCategoryConstructionAndCompletion => "Construction and completion", "建设与完工";
    RiskCategoryForeignExchange => "Foreign exchange", "汇率";
    RiskCategoryForceMajeure => "Force majeure", "不可抗力";
    RiskBandLow => "Low", "低";
    RiskBandMedium => "Medium", "中";
    RiskBandHigh => "High", "高";
    ResidualLikelihood => "Likelihood after mitigation", "缓解后的可能性";
    ResidualImpact => "Impact after mitigation", "缓解后的影响";
    HelpResidual => "The residual risk: how likely and how harmful it remains once the mitigation is in place. Leave both empty until the room has judged it.", "剩余风险：采取缓解措施后风险的可能性和危害程度。在会场作出判断之前，两项均可留空。";
    ResidualRiskMatrix => "Residual risk after mitigation: likelihood by impact", "缓解后的剩余风险：可能性 × 影响";
    ProblemResidualAboveInherent => "A mitigation cannot leave a risk more likely or more harmful than it was.", "缓解措施不能使风险比原来更可能发生或危害更大。";
    ProblemNoOpenStage => "Open a stage first: the timer counts down the stage the room is in.", "请先开启一个阶段：计时器为会场当前所在阶段倒计时。";
    FinancierLabel => "Finances the programme", "为项目提供资金";
    FinancierHelp => "Ticked for multilateral banks and foundations; tick it for any other financier, such as a commercial bank.", "多边银行和基金会默认勾选；其他出资方（如商业银行）也请勾选。";
    IndicatorMeasureLabel => "Measure (IATI)", "计量方式（IATI）";
    MeasureUnit => "Unit", "单位";
    MeasurePercentage => "Percentage", "百分比";
    MeasureNominal => "Nominal", "名义";
    MeasureOrdinal => "Ordinal", "序数";
    MeasureQualitative => "Qualitative", "定性";
    AscendingLabel => "Direction", "方向";
    HigherIsBetter => "Higher is better", "越高越好";
    LowerIsBetter => "Lower is better", "越低越好";
    StageTimer => "Stage timer", "阶段计时器";
    TimeLeft => "left", "剩余";
    TimeIsUp => "Time is up", "时间到";
    TimerMinutes => "Minutes", "分钟";
    StartTimer => "Start the timer", "开始计时";
    StopTimer => "Stop the timer", "停止计时";
    TimerHelp => "A countdown for the stage the room is in, on every screen. Starting again replaces it.", "为会场当前阶段倒计时，显示在每个屏幕上。再次开始将替换当前计时。";
    OtherRows => "Others", "其他";
    ScreenLanguagesTitle => "Languages on the projector", "投影屏幕的语言";
    ScreenLanguagesHelp => "The projected screens show their labels in each browser's language, or in English and Chinese together. Every open screen follows at once.", "投影屏幕的标签可按各浏览器的语言显示，或同时显示英文和中文。所有打开的屏幕立即跟随。";
    ScreenInBrowserLanguage => "Each screen's own language", "各屏幕自身的语言";
    ScreenInBothLanguages => "English and Chinese together", "英文和中文同时显示";
    Paid => "Paid", "已支付";
    NotYetPaid => "Not yet paid", "尚未支付";
    CostsAndCashByYear => "Costs and cash by year", "按年度的成本与现金";
    NoYearShort => "No year", "未分年度";
    FlagShortNoAccountable => "no A", "无 A（问责方）";
    FlagShortSeveralAccountable => "several A", "多个 A（问责方）";
    FlagShortNoResponsible => "no R", "无 R（执行方）";
    MatrixColumnComplete => "complete", "完整";
    NoAgreementYet => "not started", "尚未开始";
    RisksInCell => "risks", "项风险";
    PutOnScreen => "Show on the screen", "在大屏幕上显示";
    OnTheScreenNow => "On the screen now.", "现已显示在大屏幕上。";
    FollowTheStage => "Follow the stage the room is in", "跟随会场当前阶段";
    QuestionLabel => "Question", "问题";
    MainScreenHeading => "What the main screen shows", "主屏幕显示的内容";
    ScreenChoiceHelp => "Every open main screen switches at once, without a reload. By default it follows the stage opened last. The main screen:", "所有打开的主屏幕立即切换，无需刷新。默认跟随最后开启的阶段。主屏幕地址：";
    FixedScreens => "Fixed screens for a second projector", "第二台投影仪的固定屏幕";
    RemoteTitle => "Screen remote", "屏幕遥控器";
    SectionDone => "complete", "已完成";
    SectionsComplete => "sections complete", "个章节已完成";
    NoVersionIssued => "No version issued yet.", "尚未发布任何版本。";
    VersionsIssued => "Versions issued", "已发布的版本";
    FundingToFind => "Funding still to find", "尚待筹集的资金";
    NoQuestionOnScreen => "No question is on the screen.", "大屏幕上没有问题。";
    AnswersArrive => "answers appear as they are sent", "回答发送后即时显示";
    AnswersCount => "answers", "条回答";
}

pub fn organisation_type_name(kind: OrganisationType) -> Msg {
    use OrganisationType::*;
    match kind {
        Government => Msg::KindGovernment,
        LocalGovernment => Msg::KindLocalGovernment,
        OtherPublicSector => Msg::KindOtherPublicSector,
        InternationalNgo => Msg::KindInternationalNgo,
        NationalNgo => Msg::KindNationalNgo,
        RegionalNgo => Msg::KindRegionalNgo,
        PartnerCountryNgo => Msg::KindPartnerCountryNgo,
        PublicPrivatePartnership => Msg::KindPublicPrivatePartnership,
        Multilateral => Msg::KindMultilateral,
        Foundation => Msg::KindFoundation,
        PrivateSector => Msg::KindPrivateSector,
        PrivateSectorInProviderCountry => Msg::KindPrivateSectorInProviderCountry,
        PrivateSectorInAidRecipientCountry => Msg::KindPrivateSectorInAidRecipientCountry,
        PrivateSectorInThirdCountry => Msg::KindPrivateSectorInThirdCountry,
        AcademicResearch => Msg::KindAcademicResearch,
        Other => Msg::KindOther,
    }
}

/// The sentence for a failure that concerns no single field.
pub fn form_problem(error: &crate::domain::error::AppError) -> Option<Msg> {
    use crate::domain::error::AppError;
    match error {
        AppError::Invalid(_) | AppError::TooManyAttempts { .. } => None,
        AppError::Unauthenticated => Some(Msg::ProblemSignInFirst),
        AppError::Forbidden => Some(Msg::ProblemForbidden),
        AppError::StageLocked(_) => Some(Msg::ProblemStageLocked),
        AppError::KeyReused => Some(Msg::ProblemKeyReused),
        AppError::RequestChanged => Some(Msg::ProblemRequestChanged),
        AppError::AlreadyExists(_) => Some(Msg::ProblemAlreadyJoined),
        _ => Some(Msg::ProblemGeneric),
    }
}

/// The sentence for a field's problem from `AppError::Invalid`. Exhaustive:
/// a new problem does not compile until it has its sentence here.
pub fn problem(problem: Problem) -> Msg {
    match problem {
        Problem::Required => Msg::ProblemRequired,
        Problem::Length => Msg::ProblemLength,
        Problem::Email => Msg::ProblemEmail,
        Problem::Range => Msg::ProblemRange,
        Problem::Invalid => Msg::ProblemInvalid,
        Problem::WrongCredentials => Msg::ProblemWrongCredentials,
        Problem::SlugFormat => Msg::ProblemSlugFormat,
        Problem::UnknownCurrency => Msg::ProblemUnknownCurrency,
        Problem::Taken => Msg::ProblemAlreadyExists,
        Problem::Duplicate => Msg::ProblemAlreadyExists,
        Problem::CountryFormat => Msg::ProblemCountryFormat,
        Problem::AmountFormat => Msg::ProblemAmountFormat,
        Problem::Negative => Msg::ProblemNegative,
        Problem::NotNegative => Msg::ProblemInvalid,
        Problem::Positive => Msg::ProblemPositive,
        Problem::TooManyDecimals => Msg::ProblemTooManyDecimals,
        Problem::AmountTooLarge => Msg::ProblemAmountTooLarge,
        Problem::RateOutOfRange => Msg::ProblemRateOutOfRange,
        Problem::RateTooPrecise => Msg::ProblemRateTooPrecise,
        Problem::YearRange => Msg::ProblemYearRange,
        Problem::DateFormat => Msg::ProblemDateFormat,
        Problem::Date => Msg::ProblemDateFormat,
        Problem::UnknownCode => Msg::ProblemUnknownCode,
        Problem::UnknownOrganisation => Msg::ProblemUnknownOrganisation,
        Problem::CannotChange => Msg::ProblemCannotChange,
        Problem::DiscussionClosed => Msg::ProblemDiscussionClosed,
        Problem::WholeNumber => Msg::ProblemWholeNumber,
        Problem::Number => Msg::ProblemNumber,
        Problem::EndBeforeStart => Msg::ProblemEndBeforeStart,
        Problem::AlreadyStarted => Msg::ProblemAlreadyStarted,
        Problem::UnknownOutput => Msg::ProblemUnknownOutput,
        Problem::UnknownComponent => Msg::ProblemUnknownComponent,
        Problem::UnknownTfaMeasure => Msg::ProblemUnknownTfa,
        Problem::DuplicateYear => Msg::ProblemDuplicateYear,
        Problem::HasCommitments => Msg::ProblemHasCommitments,
        Problem::ReportingCurrencyOnly => Msg::ProblemInvalid,
        Problem::IsReportingCurrency => Msg::ProblemInvalid,
        Problem::UnknownLanguage => Msg::ProblemInvalid,
        Problem::FreeTierHasNoPrice => Msg::ProblemFreeTierHasNoPrice,
        Problem::UnknownRisk => Msg::ProblemUnknownRisk,
        Problem::BeyondTerm => Msg::ProblemBeyondTerm,
        Problem::FacilitatorOnly => Msg::ProblemFacilitatorOnly,
        Problem::TooManyItems => Msg::ProblemTooManyItems,
        Problem::NotALoan => Msg::ProblemNotALoan,
        Problem::InterestRateRange => Msg::ProblemInterestRateRange,
        Problem::TenorRange => Msg::ProblemTenorRange,
        Problem::GraceRange => Msg::ProblemGraceRange,
        Problem::NotDisbursable => Msg::ProblemNotDisbursable,
        Problem::BeyondCommitted => Msg::ProblemBeyondCommitted,
        Problem::FutureDate => Msg::ProblemFutureDate,
        Problem::BelowDisbursed => Msg::ProblemBelowDisbursed,
        Problem::NotFullyDisbursed => Msg::ProblemNotFullyDisbursed,
        Problem::HasDisbursements => Msg::ProblemHasDisbursements,
        Problem::ScheduleSum => Msg::ProblemScheduleSum,
        Problem::ScheduleFormat => Msg::ProblemScheduleFormat,
        Problem::NoSuchRate => Msg::ProblemNoSuchRate,
        Problem::LocodeFormat => Msg::ProblemLocodeFormat,
        Problem::LocodeCountry => Msg::ProblemLocodeCountry,
        Problem::UnknownCity => Msg::ProblemUnknownCity,
        Problem::CityRecordsOnly => Msg::ProblemCityRecordsOnly,
        Problem::ResidualAboveInherent => Msg::ProblemResidualAboveInherent,
        Problem::NoOpenStage => Msg::ProblemNoOpenStage,
        Problem::IatiRefFormat => Msg::ProblemIatiRefFormat,
    }
}

/// How the screen names an organisation that asked not to be named.
pub fn anonymous_name(group: PartnerGroup) -> Msg {
    match group {
        PartnerGroup::Public => Msg::AnonymousPublic,
        PartnerGroup::Private => Msg::AnonymousPrivate,
        PartnerGroup::Financier => Msg::AnonymousFinancier,
        PartnerGroup::Other => Msg::AnonymousOther,
    }
}

pub fn design_field_name(field: DesignField) -> Msg {
    match field {
        DesignField::Summary => Msg::FieldSummary,
        DesignField::Problem => Msg::FieldProblem,
        DesignField::Rationale => Msg::FieldRationale,
        DesignField::Goal => Msg::FieldGoal,
        DesignField::Purpose => Msg::FieldPurpose,
        DesignField::Scope => Msg::FieldScope,
        DesignField::TargetGroups => Msg::FieldTargetGroups,
        DesignField::DisputeRules => Msg::FieldDisputeRules,
        DesignField::ExitRules => Msg::FieldExitRules,
        DesignField::IntellectualProperty => Msg::FieldIntellectualProperty,
        DesignField::DataSharing => Msg::FieldDataSharing,
        DesignField::PurposeAssumptions => Msg::FieldPurposeAssumptions,
        DesignField::GoalAssumptions => Msg::FieldGoalAssumptions,
        DesignField::Title => Msg::FieldTitle,
        DesignField::Sustainability => Msg::FieldSustainability,
        DesignField::MonitoringEvaluation => Msg::FieldMonitoringEvaluation,
    }
}

pub fn design_field_help(field: DesignField) -> Msg {
    match field {
        DesignField::Summary => Msg::FieldSummaryHelp,
        DesignField::Problem => Msg::FieldProblemHelp,
        DesignField::Rationale => Msg::FieldRationaleHelp,
        DesignField::Goal => Msg::FieldGoalHelp,
        DesignField::Purpose => Msg::FieldPurposeHelp,
        DesignField::Scope => Msg::FieldScopeHelp,
        DesignField::TargetGroups => Msg::FieldTargetGroupsHelp,
        DesignField::DisputeRules => Msg::FieldDisputeRulesHelp,
        DesignField::ExitRules => Msg::FieldExitRulesHelp,
        DesignField::IntellectualProperty => Msg::FieldIntellectualPropertyHelp,
        DesignField::DataSharing => Msg::FieldDataSharingHelp,
        DesignField::PurposeAssumptions => Msg::FieldPurposeAssumptionsHelp,
        DesignField::GoalAssumptions => Msg::FieldGoalAssumptionsHelp,
        DesignField::Title => Msg::FieldTitleHelp,
        DesignField::Sustainability => Msg::FieldSustainabilityHelp,
        DesignField::MonitoringEvaluation => Msg::FieldMonitoringEvaluationHelp,
    }
}

pub fn tier_name(tier: Tier) -> Msg {
    match tier {
        Tier::Interest => Msg::TierInterest,
        Tier::Pledged => Msg::TierPledged,
        Tier::Secured => Msg::TierSecured,
        Tier::Withdrawn => Msg::TierWithdrawn,
    }
}

pub fn commitment_status_name(status: CommitmentStatus) -> Msg {
    use CommitmentStatus::*;
    match status {
        ExpressionOfInterest => Msg::StatusExpressionOfInterest,
        IndicativePledge => Msg::StatusIndicativePledge,
        LetterOfIntent => Msg::StatusLetterOfIntent,
        MouSigned => Msg::StatusMouSigned,
        FirmCommitment => Msg::StatusFirmCommitment,
        Disbursed => Msg::StatusDisbursed,
        Withdrawn => Msg::StatusWithdrawn,
    }
}

pub fn instrument_name(instrument: Instrument) -> Msg {
    use Instrument::*;
    match instrument {
        Grant => Msg::InstrumentGrant,
        Loan => Msg::InstrumentLoan,
        ReimbursableGrant => Msg::InstrumentReimbursableGrant,
        Bonds => Msg::InstrumentBonds,
        SubordinatedLoan => Msg::InstrumentSubordinatedLoan,
        Equity => Msg::InstrumentEquity,
        Guarantee => Msg::InstrumentGuarantee,
        InKind => Msg::InstrumentInKind,
        TechnicalAssistance => Msg::InstrumentTechnicalAssistance,
        StaffTime => Msg::InstrumentStaffTime,
        LandOrFacilities => Msg::InstrumentLandOrFacilities,
    }
}

pub fn stage_name(stage: Stage) -> Msg {
    match stage {
        Stage::ProjectDesign => Msg::StageProjectDesign,
        Stage::Partnership => Msg::StagePartnership,
        Stage::BusinessModel => Msg::StageBusinessModel,
        Stage::Commitments => Msg::StageCommitments,
    }
}

pub fn screen_languages_name(languages: ScreenLanguages) -> Msg {
    match languages {
        ScreenLanguages::Browser => Msg::ScreenInBrowserLanguage,
        ScreenLanguages::Both => Msg::ScreenInBothLanguages,
    }
}

pub fn stage_status_name(status: StageStatus) -> Msg {
    match status {
        StageStatus::NotStarted => Msg::StatusNotStarted,
        StageStatus::Open => Msg::StatusOpen,
        StageStatus::Locked => Msg::StatusLocked,
    }
}

pub fn partner_group_name(group: PartnerGroup) -> Msg {
    match group {
        PartnerGroup::Public => Msg::GroupPublic,
        PartnerGroup::Private => Msg::GroupPrivate,
        PartnerGroup::Financier => Msg::GroupFinancier,
        PartnerGroup::Other => Msg::GroupOther,
    }
}

pub fn risk_category_name(category: RiskCategory) -> Msg {
    match category {
        RiskCategory::Political => Msg::RiskCategoryPolitical,
        RiskCategory::Legal => Msg::RiskCategoryLegal,
        RiskCategory::Financial => Msg::RiskCategoryFinancial,
        RiskCategory::Technical => Msg::RiskCategoryTechnical,
        RiskCategory::Operational => Msg::RiskCategoryOperational,
        RiskCategory::Social => Msg::RiskCategorySocial,
        RiskCategory::Environmental => Msg::RiskCategoryEnvironmental,
        RiskCategory::DemandAndRevenue => Msg::RiskCategoryDemandAndRevenue,
        RiskCategory::ConstructionAndCompletion => Msg::RiskCategoryConstructionAndCompletion,
        RiskCategory::ForeignExchange => Msg::RiskCategoryForeignExchange,
        RiskCategory::ForceMajeure => Msg::RiskCategoryForceMajeure,
    }
}

pub fn risk_band_name(band: RiskBand) -> Msg {
    match band {
        RiskBand::Low => Msg::RiskBandLow,
        RiskBand::Medium => Msg::RiskBandMedium,
        RiskBand::High => Msg::RiskBandHigh,
    }
}

pub fn indicator_measure_name(measure: IndicatorMeasure) -> Msg {
    match measure {
        IndicatorMeasure::Unit => Msg::MeasureUnit,
        IndicatorMeasure::Percentage => Msg::MeasurePercentage,
        IndicatorMeasure::Nominal => Msg::MeasureNominal,
        IndicatorMeasure::Ordinal => Msg::MeasureOrdinal,
        IndicatorMeasure::Qualitative => Msg::MeasureQualitative,
    }
}

pub fn iati_role_name(role: IatiRole) -> Msg {
    match role {
        IatiRole::Funding => Msg::IatiFunding,
        IatiRole::Accountable => Msg::IatiAccountable,
        IatiRole::Extending => Msg::IatiExtending,
        IatiRole::Implementing => Msg::IatiImplementing,
    }
}

pub fn ppp_role_name(role: PppRole) -> Msg {
    match role {
        PppRole::ContractingAuthority => Msg::PppContractingAuthority,
        PppRole::Concessionaire => Msg::PppConcessionaire,
        PppRole::Lender => Msg::PppLender,
        PppRole::Guarantor => Msg::PppGuarantor,
        PppRole::Operator => Msg::PppOperator,
        PppRole::TechnologyProvider => Msg::PppTechnologyProvider,
        PppRole::TransactionAdviser => Msg::PppTransactionAdviser,
    }
}

pub fn raci_name(role: Raci) -> Msg {
    match role {
        Raci::Responsible => Msg::RaciResponsible,
        Raci::Accountable => Msg::RaciAccountable,
        Raci::Consulted => Msg::RaciConsulted,
        Raci::Informed => Msg::RaciInformed,
        Raci::AccountableResponsible => Msg::RaciAccountableResponsible,
    }
}

pub fn body_kind_name(kind: BodyKind) -> Msg {
    match kind {
        BodyKind::SteeringCommittee => Msg::BodySteeringCommittee,
        BodyKind::ProjectManagementUnit => Msg::BodyProjectManagementUnit,
        BodyKind::TechnicalWorkingGroup => Msg::BodyTechnicalWorkingGroup,
        BodyKind::TradeFacilitationCommittee => Msg::BodyTradeFacilitationCommittee,
        BodyKind::Other => Msg::BodyOther,
    }
}

pub fn decision_rule_name(rule: DecisionRule) -> Msg {
    match rule {
        DecisionRule::Consensus => Msg::RuleConsensus,
        DecisionRule::Majority => Msg::RuleMajority,
        DecisionRule::Weighted => Msg::RuleWeighted,
    }
}

pub fn partnering_stage_name(stage: PartneringStage) -> Msg {
    use PartneringStage::*;
    match stage {
        Scoping => Msg::PartneringScoping,
        Identifying => Msg::PartneringIdentifying,
        Building => Msg::PartneringBuilding,
        Planning => Msg::PartneringPlanning,
        Managing => Msg::PartneringManaging,
        Resourcing => Msg::PartneringResourcing,
        Implementing => Msg::PartneringImplementing,
        Reviewing => Msg::PartneringReviewing,
        Sustaining => Msg::PartneringSustaining,
    }
}

/// A flag as short as a projector's line needs.
pub fn raci_flag_short(flag: RaciFlag) -> Msg {
    match flag {
        RaciFlag::NoAccountable => Msg::FlagShortNoAccountable,
        RaciFlag::SeveralAccountable => Msg::FlagShortSeveralAccountable,
        RaciFlag::NoResponsible => Msg::FlagShortNoResponsible,
    }
}

pub fn raci_flag_text(flag: RaciFlag) -> Msg {
    match flag {
        RaciFlag::NoAccountable => Msg::FlagNoAccountable,
        RaciFlag::SeveralAccountable => Msg::FlagSeveralAccountable,
        RaciFlag::NoResponsible => Msg::FlagNoResponsible,
    }
}

pub fn step_name(step: Step) -> (Msg, Msg) {
    match step {
        Step::Project => (Msg::StepProject, Msg::StepProjectHelp),
        Step::Results => (Msg::StepResults, Msg::StepResultsHelp),
        Step::Components => (Msg::StepComponents, Msg::StepComponentsHelp),
        Step::Risks => (Msg::StepRisks, Msg::StepRisksHelp),
        Step::Roles => (Msg::StepRoles, Msg::StepRolesHelp),
        Step::Responsibilities => (Msg::StepResponsibilities, Msg::StepResponsibilitiesHelp),
        Step::Governance => (Msg::StepGovernance, Msg::StepGovernanceHelp),
        Step::Agreements => (Msg::StepAgreements, Msg::StepAgreementsHelp),
        Step::Principles => (Msg::StepPrinciples, Msg::StepPrinciplesHelp),
        Step::Structure => (Msg::StepStructure, Msg::StepStructureHelp),
        Step::Canvas => (Msg::StepCanvas, Msg::StepCanvasHelp),
        Step::Revenues => (Msg::StepRevenues, Msg::StepRevenuesHelp),
        Step::Costs => (Msg::StepCosts, Msg::StepCostsHelp),
        Step::Figures => (Msg::StepFigures, Msg::StepFiguresHelp),
        Step::RiskAllocation => (Msg::StepRiskAllocation, Msg::StepRiskAllocationHelp),
    }
}

pub fn ppp_function_name(function: PppFunction) -> Msg {
    match function {
        PppFunction::Design => Msg::FnDesign,
        PppFunction::Build => Msg::FnBuild,
        PppFunction::Finance => Msg::FnFinance,
        PppFunction::Maintain => Msg::FnMaintain,
        PppFunction::Operate => Msg::FnOperate,
    }
}

pub fn payer_name(payer: Payer) -> Msg {
    match payer {
        Payer::Users => Msg::PayerUsers,
        Payer::Government => Msg::PayerGovernment,
        Payer::Mixed => Msg::PayerMixed,
    }
}

pub fn asset_name(asset: AssetKind) -> Msg {
    match asset {
        AssetKind::New => Msg::AssetNew,
        AssetKind::Existing => Msg::AssetExisting,
    }
}

pub fn ownership_name(ownership: Ownership) -> Msg {
    match ownership {
        Ownership::Public => Msg::OwnershipPublic,
        Ownership::PrivateUntilTransfer => Msg::OwnershipUntilTransfer,
        Ownership::Private => Msg::OwnershipPrivate,
    }
}

/// A named structure's name and its plain-words explanation.
pub fn structure_name(structure: NamedStructure) -> (Msg, Msg) {
    match structure {
        NamedStructure::PublicProcurement => (Msg::StructurePublicProcurement, Msg::ExplainPublicProcurement),
        NamedStructure::ManagementContract => {
            (Msg::StructureManagementContract, Msg::ExplainManagementContract)
        }
        NamedStructure::Lease => (Msg::StructureLease, Msg::ExplainLease),
        NamedStructure::Dbom => (Msg::StructureDbom, Msg::ExplainDbom),
        NamedStructure::Bot => (Msg::StructureBot, Msg::ExplainBot),
        NamedStructure::Boot => (Msg::StructureBoot, Msg::ExplainBoot),
        NamedStructure::Boo => (Msg::StructureBoo, Msg::ExplainBoo),
        NamedStructure::Dbfom => (Msg::StructureDbfom, Msg::ExplainDbfom),
        NamedStructure::AvailabilityPpp => (Msg::StructureAvailabilityPpp, Msg::ExplainAvailabilityPpp),
        NamedStructure::Concession => (Msg::StructureConcession, Msg::ExplainConcession),
    }
}

pub fn canvas_block_name(block: CanvasBlock) -> Msg {
    match block {
        CanvasBlock::KeyPartnerships => Msg::CanvasKeyPartnerships,
        CanvasBlock::KeyActivities => Msg::CanvasKeyActivities,
        CanvasBlock::KeyResources => Msg::CanvasKeyResources,
        CanvasBlock::ValuePropositions => Msg::CanvasValuePropositions,
        CanvasBlock::CustomerRelationships => Msg::CanvasCustomerRelationships,
        CanvasBlock::Channels => Msg::CanvasChannels,
        CanvasBlock::CustomerSegments => Msg::CanvasCustomerSegments,
        CanvasBlock::CostStructure => Msg::CanvasCostStructure,
        CanvasBlock::RevenueStreams => Msg::CanvasRevenueStreams,
    }
}

pub fn revenue_kind_name(kind: RevenueKind) -> Msg {
    match kind {
        RevenueKind::PerDeclarationFee => Msg::RevenuePerDeclarationFee,
        RevenueKind::Subscription => Msg::RevenueSubscription,
        RevenueKind::AvailabilityPayment => Msg::RevenueAvailabilityPayment,
        RevenueKind::CostRecovery => Msg::RevenueCostRecovery,
        RevenueKind::FreeTier => Msg::RevenueFreeTier,
    }
}

pub fn fee_basis_name(basis: FeeBasis) -> Msg {
    match basis {
        FeeBasis::PerUnit => Msg::BasisPerUnit,
        FeeBasis::PercentOfValue => Msg::BasisPercentOfValue,
    }
}

pub fn allocation_name(allocation: Allocation) -> Msg {
    match allocation {
        Allocation::Public => Msg::AllocationPublic,
        Allocation::Private => Msg::AllocationPrivate,
        Allocation::Shared => Msg::AllocationShared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_non_empty_text_in_every_language() {
        for msg in Msg::ALL {
            for locale in Locale::ALL {
                assert!(!msg.text(locale).trim().is_empty(), "{msg:?} in {locale:?}");
            }
            assert_ne!(
                msg.text(Locale::En),
                msg.text(Locale::ZhCn),
                "{msg:?} is untranslated"
            );
        }
    }

    #[test]
    fn the_limits_problem_codes_have_their_own_sentences() {
        for code in [
            Problem::AmountTooLarge,
            Problem::RateOutOfRange,
            Problem::RateTooPrecise,
            Problem::Length,
        ] {
            assert_ne!(problem(code), Msg::ProblemInvalid, "{code:?}");
        }
    }

    #[test]
    fn picks_the_first_supported_language_from_the_browser() {
        assert_eq!(
            Locale::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Some(Locale::ZhCn)
        );
        assert_eq!(
            Locale::from_accept_language("fr-FR, en-GB;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("fr-FR"), None);
        assert_eq!(Locale::from_tag(Locale::ZhCn.tag()), Some(Locale::ZhCn));
    }
}
