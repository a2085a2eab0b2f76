<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ExternalKeyFlow</name>
    <message>
        <source>Use a key in a hardware token or cloud KMS</source>
        <translation>ハードウェアトークンまたはクラウド KMS の鍵を使う</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>参照(&amp;R):</translation>
    </message>
    <message>
        <source>pkcs11:token=…;object=…  or  awskms:KEY_ID_OR_ARN</source>
        <translation>pkcs11:token=…;object=…  または  awskms:鍵IDまたはARN</translation>
    </message>
    <message>
        <source>Reference of the key in a token or KMS</source>
        <translation>トークンまたは KMS の鍵の参照</translation>
    </message>
    <message>
        <source>Paste a PKCS#11 URI (pkcs11:token=LABEL;object=KEY) or an AWS KMS key (awskms:ID, alias or ARN).</source>
        <translation>PKCS#11 URI（pkcs11:token=ラベル;object=鍵）または AWS KMS の鍵（awskms:ID、エイリアス、ARN）を貼り付けてください。</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;module:</source>
        <translation>PKCS#11 モジュール(&amp;M):</translation>
    </message>
    <message>
        <source>Path of the PKCS#11 module</source>
        <translation>PKCS#11 モジュールのパス</translation>
    </message>
    <message>
        <source>The token's PKCS#11 library (.so/.dll/.dylib); drop it here or choose it.</source>
        <translation>トークンの PKCS#11 ライブラリ（.so/.dll/.dylib）。ここにドロップするか選択してください。</translation>
    </message>
    <message>
        <source>Certi&amp;ficate:</source>
        <translation>証明書(&amp;F):</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>A certificate file for the key, when the token or KMS holds none.</source>
        <translation>トークンや KMS に証明書がない場合の、鍵の証明書ファイル。</translation>
    </message>
    <message>
        <source>Certificate file for the key (optional)</source>
        <translation>鍵の証明書ファイル（任意）</translation>
    </message>
    <message>
        <source>Choose the PKCS#11 module</source>
        <translation>PKCS#11 モジュールを選択</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>証明書ファイルを選択</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>&amp;Use this key</source>
        <translation>この鍵を使う(&amp;U)</translation>
    </message>
    <message>
        <source>Open the key in the token or KMS and sign with it</source>
        <translation>トークンまたは KMS の鍵を開き、その鍵で署名する</translation>
    </message>
    <message>
        <source>The private key stays there: every signature is made inside it.</source>
        <translation>秘密鍵はそこにとどまり、署名はすべてその中で行われます。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop waiting for the token or KMS</source>
        <translation>トークンまたは KMS の応答待ちをやめる</translation>
    </message>
    <message>
        <source>Opening the key</source>
        <translation>鍵を開いています</translation>
    </message>
    <message>
        <source>PKCS#11 modules (*.so *.dll *.dylib);;All files (*)</source>
        <translation>PKCS#11 モジュール (*.so *.dll *.dylib);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Stopped waiting for the token or KMS.</source>
        <translation>トークンまたは KMS の応答待ちをやめました。</translation>
    </message>
    <message>
        <source>The token {token} needs its user PIN to sign. Type the PIN:</source>
        <translation>トークン {token} で署名するにはユーザー PIN が必要です。PIN を入力してください:</translation>
    </message>
    <message>
        <source>The token refused that PIN. Check it and try again.</source>
        <translation>PIN が拒否されました。確認して入力し直してください。</translation>
    </message>
    <message>
        <source>Not opened: no PIN given.</source>
        <translation>開きませんでした: PIN が入力されていません。</translation>
    </message>
    <message>
        <source>Using the key in {where}: it never leaves it; every signature is made there.</source>
        <translation>{where} の鍵を使用中です。鍵はそこから出ず、署名はすべてその中で行われます。</translation>
    </message>
    <message>
        <source>It holds no certificate: choose the certificate file, or make a self-signed one (signed inside).</source>
        <translation>証明書がありません。証明書ファイルを選択するか、自己署名証明書を作成してください（署名は鍵の中で行われます）。</translation>
    </message>
</context>
</TS>