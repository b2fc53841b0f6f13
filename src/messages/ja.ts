import type { Catalog } from './entries';
import { EXAMPLE_NUMBER, MASKED_EXAMPLE } from './examples';
import { counting } from './plural';

// Japanese, polite form. No plural forms; a count is written against its counter ("10分", "3 回").
// Spaces around *bold* and Latin words: Slack only renders bold that does not touch other letters.
// The SMS is UCS-2 (70 characters a segment), so it is kept terse enough to stay one segment.

const { duration, number, money, percent } = counting('ja', {
  second: { other: '#秒' },
  minute: { other: '#分' },
  hour: { other: '#時間' },
});

export const ja: Catalog = {
  'modal.title': '電話番号の確認',
  'modal.cancel': 'キャンセル',
  'modal.close': '閉じる',
  'button.start_again': '最初からやり直す',
  'button.resend': 'コードを再送信',
  'button.other_number': '別の番号を使う',
  'button.call': '代わりに電話で受け取る',

  'phone.intro':
    'この電話があなたのものであることを確認します。SMS でワンタイムコードを送りますので、そのコードを入力すると、Slack プロフィールに *電話番号確認済み* と表示されます。',
  'phone.input_label': '携帯電話番号',
  'phone.placeholder': EXAMPLE_NUMBER,
  'phone.hint_local': ({ country }) => `国際形式（${EXAMPLE_NUMBER}）または ${country} の国内番号を入力してください。`,
  'phone.hint_international': `国番号を含めて入力してください（例: ${EXAMPLE_NUMBER}）。`,
  'phone.note': `通常の SMS 料金がかかる場合があります。番号は ${MASKED_EXAMPLE} のように一部を伏せて表示されます。`,
  'phone.submit': 'コードを送信',
  'phone.empty': '携帯電話番号を入力してください。',
  'phone.too_long': '電話番号としては長すぎます。',
  'phone.unparseable': `電話番号ではないようです。国番号を含めて入力してください（例: ${EXAMPLE_NUMBER}）。`,
  'phone.invalid': '有効な電話番号ではありません。数字と国番号を確認してください。',
  'phone.not_mobile': '固定電話の番号のようです。SMS を受信できる携帯電話番号を入力してください。',
  'phone.costly':
    'プレミアム料金、フリーダイヤル、料金分担、ポケットベルの番号にはコードを送信できません。携帯電話番号を入力してください。',
  'phone.global_network':
    '衛星電話や国際ネットワークの番号（+870、+881、+882、+883）にはコードを送信できません。いずれかの国の携帯電話番号を入力してください。',
  'phone.flow_taken': 'このフォームは期限切れです。閉じてから /verify-phone をもう一度実行してください。',
  'phone.country_not_allowed': ({ countries }) =>
    `コードを送信できるのは次の国の番号だけです: ${countries.join('、')}。`,
  'number.taken':
    'この番号はあなたのアカウントでは確認できません。ご自身の番号であれば、ワークスペースの管理者にお問い合わせください。',

  'progress.sending': ({ maskedNumber }) => `*${maskedNumber}* にコードを送信しています…`,
  'progress.calling': ({ maskedNumber }) => `*${maskedNumber}* に電話をかけて、コードを読み上げます…`,
  'progress.checking': 'コードを確認しています…',

  'send.failed': ({ maskedNumber }) => `${maskedNumber} にコードを送信できませんでした。`,
  'send.rejected':
    'SMS サービスがこの番号への送信を拒否しました。SMS を受信できる携帯電話番号かどうか確認してください。',
  'send.unavailable': 'SMS サービスが現在応答していません。何も送信されていません。数分後にもう一度お試しください。',
  'send.unconfirmed':
    'SMS が送信されたことを確認できませんでした。1 分以内にコードが届かない場合は、 *コードを再送信* を使ってください。以前のコードは使えなくなります。',
  'send.gone': 'この確認はすでに先へ進んでいます。まだコードが必要な場合は、最初からやり直してください。',
  'send.rate_limited': ({ retryAfter }) =>
    `リクエストされたコードが多すぎます。${duration(retryAfter)}後にもう一度お試しください。`,
  'send.may_have_arrived': ({ maskedNumber }) =>
    `SMS サービスはメッセージを受け付けたため、 *${maskedNumber}* にコードが届く可能性がありますが、こちら側の処理を完了できませんでした。1 分以内にコードが届かない場合は、 *コードを再送信* を使うか、最初からやり直してください。`,

  'code.prompt': ({ codeLength, maskedNumber, expiresIn }) =>
    `*${maskedNumber}* に送信した ${codeLength} 桁のコードを入力してください。コードは送信から${duration(expiresIn)}で期限切れになります。`,
  'code.prompt_voice': ({ codeLength, maskedNumber, expiresIn }) =>
    `*${maskedNumber}* へのお電話で読み上げた ${codeLength} 桁のコードを入力してください。コードは通話から${duration(expiresIn)}で期限切れになります。`,
  'code.input_label': ({ codeLength }) => `${codeLength} 桁のコード`,
  'code.submit': '確認',
  'code.resend_after': ({ wait }) =>
    `届きませんか？前回の送信から${duration(wait)}後に、新しいコードをリクエストできます。`,
  'code.resend_now': '届きませんか？新しいコードをリクエストしてください。',
  'code.malformed': ({ codeLength }) => `SMS に記載された ${codeLength} 桁の数字だけを入力してください。`,
  'code.rate_limited':
    '本日は誤ったコードの入力が多すぎます。明日もう一度お試しいただくか、ワークスペースの管理者にお問い合わせください。',
  'code.wrong': ({ attemptsLeft }) => `コードが正しくありません。残り ${attemptsLeft} 回です。`,
  'code.lookup_failed':
    '現在コードを確認できませんでした。今回の入力は回数に含まれていません。もう一度送信してください。',

  'delivery.delivered': ({ maskedNumber }) => `${maskedNumber} に配信されました。`,
  'delivery.not_delivered': ({ reason }) =>
    `配信されませんでした: ${reason}。番号を確認するか、代わりに電話で受け取ってください。`,
  'delivery.reason.expired': 'コードの有効期限内に電話に届きませんでした',
  'delivery.reason.blocked': 'この番号では、こちらからの SMS の受信がブロックされています',
  'delivery.reason.duplicate': '以前の SMS と重複するため、SMS サービスが送信を保留しました',
  'delivery.reason.no_route': 'SMS サービスにこの番号への配信経路がありません',
  'delivery.reason.account': 'こちら側の理由で、SMS サービスが送信を止めました',
  'delivery.reason.refused': '電話会社のネットワークに拒否されました',
  'delivery.reason.failed': '電話会社のネットワークで配信できませんでした',
  'resend.cooldown': ({ wait }) => `${duration(wait)}後に新しいコードをリクエストできます。`,
  'resend.sent': '新しいコードを送信しました。以前のコードは使えなくなりました。',
  'resend.called': '新しいコードを読み上げるため、お電話しています。以前のコードは使えなくなりました。',

  'flow.unknown_flow': 'この確認はあなたのものではないか、すでに無効です。',
  'flow.expired': 'このコードは期限切れです。',
  'flow.locked': '誤ったコードの入力が多すぎるため、このコードは使えなくなりました。',
  'flow.already_verified': 'このコードはすでに使用されています。',
  'flow.not_sent': 'このコードは送信されていないため、確認できません。',
  'flow.start_again': '新しいコードを受け取るには、最初からやり直してください。',

  'verified.title': ({ maskedNumber }) => `${maskedNumber} を確認しました。`,
  'verified.close': 'このウィンドウは閉じてかまいません。',
  'badge.set': 'Slack プロフィールに、電話番号確認済みと表示されるようになりました。',
  'badge.not_configured':
    '確認は記録されましたが、このワークスペースでは *Phone verified* プロフィール項目が設定されていないため、バッジは追加されていません。ワークスペースの管理者に通知済みです。',
  'badge.transient': 'Slack が混み合っています。 *Phone verified* バッジはまもなくプロフィールに表示されます。',
  'badge.refused':
    '確認は記録されましたが、Slack がプロフィールの更新を受け付けなかったため、バッジは追加されていません。ワークスペースの管理者に通知済みです。',

  'home.title': '電話番号の確認',
  'home.verified': ({ maskedNumber, date }) => `*確認済み:* ${maskedNumber}（${date}）`,
  'home.not_verified': 'まだ電話番号を確認していません。SMS で届くコードを入力するだけで、1 分ほどで完了します。',
  'home.verify': '電話番号を確認する',
  'home.verify_other': '別の番号を確認する',
  'home.badge.set': 'プロフィールに *Phone verified* バッジが表示されています。',
  'home.badge.pending': 'プロフィールのバッジを更新しています。',
  'home.badge.failed': 'プロフィールのバッジを設定できませんでした。ワークスペースの管理者が対応できます。',
  'home.badge.not_configured':
    'このワークスペースでは *Phone verified* プロフィール項目が設定されていないため、バッジは表示されません。',
  'home.activity_title': '最近のアクティビティ（管理者のみ）',
  'home.activity_empty': '確認のアクティビティはまだありません。',
  'home.reinstall_needed':
    '*プロフィールのバッジは無効です:* このアプリはワークスペースの管理者でもオーナーでもないメンバーがインストールしたため、 *Phone verified* 項目を設定できません。確認そのものは引き続き使えます。バッジを有効にするには、管理者またはオーナーがアプリを再インストールしてください。',

  'install.not_installed':
    'このワークスペースには、電話番号の確認がまだインストールされていません。ワークスペースの管理者にアプリのインストールを依頼してください。',

  'status.verified': ({ maskedNumber, date }) => `電話番号 ${maskedNumber} は ${date} から確認済みです。`,
  'status.not_verified': '電話番号はまだ確認されていません。今すぐ確認するには /verify-phone を実行してください。',

  'remove.confirm': ({ maskedNumber }) =>
    `*${maskedNumber}* の確認を取り消しますか？ プロフィールから *Phone verified* バッジが削除されます。いつでも再度確認できます。`,
  'remove.submit': '取り消す',
  'remove.removing': '確認を取り消しています…',
  'remove.done': '電話番号の確認を取り消し、プロフィールからバッジを削除しました。',
  'remove.nothing': '取り消せる電話番号の確認はありません。',

  'help.intro': '電話番号の確認のコマンド:',
  'help.start': 'SMS で電話番号を確認します。',
  'help.status': '番号が確認済みかどうか、いつからか、プロフィールにバッジが表示されているかを表示します。',
  'help.remove': '確認を取り消し、プロフィールのバッジを削除します。',
  'help.help': 'この一覧を表示します。',
  'help.unknown': ({ subcommand }) => `「${subcommand}」というコマンドはありません。`,

  'dm.revoked':
    'Slack プロフィールの電話番号が変更されたため、電話番号の確認が終了しました。 *Phone verified* バッジを再び表示するには、もう一度確認してください。',
  'dm.expired':
    '電話番号の確認の有効期限が切れました。プロフィールの *Phone verified* バッジを維持するには、もう一度確認してください。',
  'dm.verify_again': 'もう一度確認する',
  'dm.revoked_by_admin':
    'ワークスペースの管理者が電話番号の確認を取り消しました。 *Phone verified* バッジを再び表示するには、もう一度確認してください。',
  'dm.request': ({ requester }) =>
    `<@${requester}> さんから電話番号の確認を依頼されています。1 分ほどで終わります。SMS でワンタイムコードをお送りし、確認が済むとプロフィールに *Phone verified* バッジが付きます。`,
  'dm.request_button': '電話番号を確認する',
  'dm.request_summary': ({ asked, skipped, failed }) =>
    `確認の依頼が完了しました。依頼済み: ${number(asked)} 人、確認済みのためスキップ: ${number(skipped)} 人、失敗: ${number(failed)} 人。`,

  'admin.title': '管理コンソール',
  'admin.figure.verified_members': '確認済みのメンバー',
  'admin.figure.verified_recent': '過去 24 時間 / 7 日間の確認数',
  'admin.figure.verified_recent_value': ({ day, week }) => `${number(day)} / ${number(week)}`,
  'admin.figure.codes_sent': '送信したコード（7 日間）',
  'admin.figure.codes_sent_value': ({ sms, calls }) => `SMS ${number(sms)} 件、電話 ${number(calls)} 件`,
  'admin.figure.conversion': '完了率（7 日間）',
  'admin.figure.conversion_value': ({ ratio, verified, flows }) =>
    ratio === undefined
      ? 'まだコードを送信していません'
      : `${percent(ratio)}（コードを送信した ${number(flows)} 件のうち ${number(verified)} 件が確認済み）`,
  'admin.figure.delivery_failures': '配信の失敗（7 日間）',
  'admin.figure.rate_limited': '送信制限による拒否（7 日間）',
  'admin.figure.refused_countries': '拒否された国（7 日間）',
  'admin.figure.refused_countries_value': ({ refused }) =>
    refused.length === 0 ? 'なし' : refused.map(({ country, count }) => `${country} ${number(count)}`).join('、'),
  'admin.figure.spend': '推定費用（7 日間）',
  'admin.figure.spend_value': ({ spend }) => spend.map(({ amount, currency }) => money(amount, currency)).join(' + '),
  'admin.figure.tags': 'プロフィールのバッジ',
  'admin.figure.tags_value': ({ pending, failed }) => `再試行待ち ${number(pending)} 件、失敗 ${number(failed)} 件`,
  'admin.limits': ({ limits }) =>
    `制限: コードはメンバーごとに 1 時間 ${number(limits.sendsPerMemberPerHour)} 件、番号ごとに 1 時間 ${number(limits.sendsPerNumberPerHour)} 件まで、ワークスペースごとに 1 時間 ${number(limits.sendsPerWorkspacePerHour)} 件・1 日 ${number(limits.sendsPerWorkspacePerDay)} 件まで。誤ったコードはメンバーごとに 1 日 ${number(limits.failedChecksPerMemberPerDay)} 回まで。`,
  'admin.button.revoke': 'メンバーの確認を取り消す…',
  'admin.button.request': '確認を依頼する…',
  'admin.button.export': 'CSV をエクスポート',
  'admin.button.retry_tags': '今すぐ再試行',
  'admin.revoke.title': '確認の取り消し',
  'admin.revoke.pick_label': 'メンバー',
  'admin.revoke.next': '次へ',
  'admin.revoke.confirm': ({ userId, maskedNumber }) =>
    `<@${userId}> さんの *${maskedNumber}* の確認を取り消しますか？ *Phone verified* バッジが外れ、もう一度確認するよう依頼するダイレクトメッセージが送られます。`,
  'admin.revoke.not_verified': ({ userId }) => `<@${userId}> さんには有効な電話番号の確認がありません。`,
  'admin.revoke.submit': '取り消す',
  'admin.revoke.working': '取り消しています…',
  'admin.revoke.done': ({ userId }) =>
    `<@${userId}> さんの確認を取り消し、バッジを外しました。もう一度確認するよう依頼しました。`,
  'admin.request.title': '確認の依頼',
  'admin.request.intro':
    'メンバー、チャンネル、またはユーザーグループを選んでください。まだ確認していないメンバーに、確認を始めるボタン付きのダイレクトメッセージが届きます。',
  'admin.request.members_label': 'メンバー',
  'admin.request.channel_label': 'チャンネルの全員',
  'admin.request.group_label': 'ユーザーグループの全員',
  'admin.request.submit': '依頼を送信',
  'admin.request.nothing_picked': 'メンバー、チャンネル、またはユーザーグループを選んでください。',
  'admin.request.working': 'メンバーを探しています…',
  'admin.request.queued': ({ count }) =>
    `${number(count)} 人を送信待ちに追加しました。メッセージは 1 件ずつ送信され、すべて送信されるとダイレクトメッセージで結果をお知らせします。`,
  'admin.request.none_found': '選択した中にメンバーが見つかりませんでした。',
  'admin.request.failed': 'メンバーの一覧を取得できませんでした。1 分ほどしてからもう一度お試しください。',
  'admin.export.comment': ({ fullNumbers }) =>
    `確認の記録と監査ログの CSV です。${fullNumbers ? '電話番号は省略せずに記載されています。ファイルは安全に保管してください。' : '電話番号はマスクされています。'}`,

  'workflow.request':
    'ワークフローから電話番号の確認を依頼されています。1分ほどで終わります。SMSでコードをお送りします。',
  'workflow.verify': '電話番号を確認する',
  'workflow.not_now': '今はしない',
  'workflow.declined': '承知しました。ワークフローには、確認されなかったことを伝えます。',
  'workflow.error_declined': 'メンバーは今は電話番号を確認しないことを選びました。',
  'workflow.error_timed_out': ({ hours }) => `メンバーは${hours}時間以内に電話番号を確認しませんでした。`,

  'error.internal': 'こちら側で問題が発生し、この手順を完了できませんでした。',
  'error.internal_next':
    '1 分ほど待ってから *最初からやり直す* を押してください。問題が続く場合は、ワークスペースの管理者に連絡してください。',

  'profile.badge_value': ({ maskedNumber, date }) => `${maskedNumber}（${date} に確認済み）`,
  'profile.badge_alt': ({ date }) => `${date} に確認済み`,

  'sms.code': ({ code, workspace, expiresIn }) =>
    `${workspace ? `${workspace} の ` : ''}Slack 認証コード: ${code}（有効期限 ${duration(expiresIn)}）。誰にも教えないでください。`,
  'voice.code': ({ digits, workspace, expiresIn }) =>
    `${workspace ? `${workspace} の ` : ''}Slack 認証コードは、${digits.join('、')} です。もう一度繰り返します。${digits.join('、')}。有効期限は${duration(expiresIn)}です。`,
};
