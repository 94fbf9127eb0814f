<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>About</name>
    <message>
        <location filename="../../jun_desk/ui/about.py" line="26" />
        <source>Consola de atención ciudadana del Ayuntamiento de Jun.</source>
        <translation>The citizen service console of Jun town hall.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/about.py" line="27" />
        <source>Incluye:</source>
        <translation>Bundles:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/about.py" line="36" />
        <source>Qt y PySide6 se usan bajo la LGPL-3.0: son bibliotecas aparte, reemplazables, en la carpeta de instalación.</source>
        <translation>Qt and PySide6 are used under the LGPL-3.0: they are separate, replaceable libraries in the installed folder.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/about.py" line="43" />
        <source>Acerca de Jun Desk</source>
        <translation>About Jun Desk</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="49" />
        <source>Departamento del feed</source>
        <translation>Feed department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="50" />
        <source>Buscar en el feed</source>
        <translation>Search the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="52" />
        <source>Departamento del tablero</source>
        <translation>Board department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="53" />
        <source>Persona del tablero</source>
        <translation>Board person</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="54" />
        <source>Buscar en los tickets</source>
        <translation>Search the tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="56" />
        <source>Conversación del ticket</source>
        <translation>Ticket conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="57" />
        <source>Historial del ticket</source>
        <translation>Ticket history</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="58" />
        <source>Envíos del ticket</source>
        <translation>Ticket sends</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="59" />
        <source>Respuestas preparadas</source>
        <translation>Canned replies</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="60" />
        <source>Texto de la respuesta, el DM o la nota</source>
        <translation>Text of the reply, DM or note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="62" />
        <source>Mensajes de la conversación</source>
        <translation>Messages of the conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="64" />
        <source>Texto del mensaje directo</source>
        <translation>Direct message text</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="66" />
        <source>Cifras por departamento</source>
        <translation>Figures by department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="68" />
        <location filename="../../jun_desk/ui/accessibility.py" line="72" />
        <source>Elementos que no se pudieron leer</source>
        <translation>Items that could not be read</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="70" />
        <source>Lo que envió X, tal cual</source>
        <translation>What X sent, as it is</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="74" />
        <source>Confirmar a quién va el DM</source>
        <translation>Confirm who the DM goes to</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="78" />
        <source>Menciones y mensajes</source>
        <translation>Mentions and messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="79" />
        <source>Lo que escriben los vecinos, lo más nuevo arriba</source>
        <translation>What residents write, newest first</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="83" />
        <source>Columna %s</source>
        <translation>Column %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/accessibility.py" line="84" />
        <source>Tickets en este estado</source>
        <translation>Tickets in this status</translation>
    </message>
</context>
<context>
    <name>AnnouncementsDialog</name>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="77" />
        <source>Anuncios del ayuntamiento</source>
        <translation>The town's announcements</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="100" />
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="105" />
        <source>Anuncios</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="109" />
        <source>&amp;Nuevo anuncio</source>
        <translation>&amp;New announcement</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="111" />
        <source>Desde plantilla (&amp;menú escolar)…</source>
        <translation>From template (school &amp;menu)…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="135" />
        <source>Texto del anuncio</source>
        <translation>Announcement text</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="137" />
        <source>Escriba el anuncio. Si no cabe en una publicación se dividirá en un hilo numerado por frases; o escriba cada publicación separada por una línea ---.</source>
        <translation>Write the announcement. If it does not fit in one post it is split into a numbered thread at sentence ends; or write each post with a line --- between them.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="140" />
        <source>Vista previa como en X</source>
        <translation>Preview as X shows it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="152" />
        <source>Adjuntar &amp;imagen…</source>
        <translation>Attach &amp;image…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="154" />
        <source>Quitar imagen</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="159" />
        <source>Imagen:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="161" />
        <source>Publicar el</source>
        <translation>Publish on</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="165" />
        <source>Fecha y hora de publicación (hora de Jun)</source>
        <translation>Publication date and time (Jun time)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="168" />
        <source>si la mesa estaba cerrada, publicar con retraso</source>
        <translation>if every desk was off, publish late</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="170" />
        <source>si la mesa estaba cerrada, retener para aprobar</source>
        <translation>if every desk was off, hold for approval</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="175" />
        <source>Hora de Jun:</source>
        <translation>Jun time:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="178" />
        <source>X cobrará:</source>
        <translation>X will bill:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="186" />
        <source>&amp;Guardar borrador</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="187" />
        <source>&amp;Enviar a aprobar</source>
        <translation>S&amp;ubmit for approval</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="189" />
        <source>&amp;Aprobar</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="190" />
        <source>&amp;Devolver…</source>
        <translation>&amp;Return…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="191" />
        <source>&amp;Publicar ahora</source>
        <translation>&amp;Publish now</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="192" />
        <source>Cancelar anuncio</source>
        <translation>Cancel announcement</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="209" />
        <source>Publicación rechazada (editable)</source>
        <translation>Refused post (editable)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="212" />
        <source>&amp;Reintentar desde esta publicación</source>
        <translation>Retr&amp;y from this post</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="214" />
        <source>De&amp;tener el hilo aquí</source>
        <translation>St&amp;op the thread here</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="241" />
        <source>No se pudieron leer los anuncios</source>
        <translation>Could not read the announcements</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="295" />
        <source>Comentario: %s</source>
        <translation>Comment: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="307" />
        <source>Anuncio #%d · %s</source>
        <translation>Announcement #%d · %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="308" />
        <source>Nuevo anuncio</source>
        <translation>New announcement</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="330" />
        <source>Detenido: X rechazó la publicación %d/%d: %s</source>
        <translation>Stopped: X refused post %d/%d: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="338" />
        <source>Publicado en parte: en X %d de %d publicaciones (%s); el resto, cancelado.</source>
        <translation>Published in part: %d of %d posts on X (%s); the rest cancelled.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="372" />
        <source>Sin texto</source>
        <translation>No text</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="385" />
        <source>Publicación %d de %d · %d/%d</source>
        <translation>Post %d of %d · %d/%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="387" />
        <source> · con imagen</source>
        <translation> · with image</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="394" />
        <source>%d publicación(es) · la más larga: %d de %d caracteres según cuenta X</source>
        <translation>%d post(s) · the longest: %d of %d characters as X counts them</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="398" />
        <source>%s (%d publicación(es), %d con enlace)</source>
        <translation>%s (%d post(s), %d with a link)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="404" />
        <source>ninguna</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="414" />
        <source>Imagen del anuncio</source>
        <translation>Announcement image</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="415" />
        <source>Imágenes (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="415" />
        <source>Adjuntar</source>
        <translation>Attach</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="482" />
        <source>Borrador guardado.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="488" />
        <source>Enviado a aprobar.</source>
        <translation>Submitted for approval.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="493" />
        <source>Presupuesto de X</source>
        <translation>X budget</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="495" />
        <source>¿Publicarlo de todos modos?</source>
        <translation>Publish it all the same?</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="496" />
        <source>Publicar igualmente</source>
        <translation>Publish all the same</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="497" />
        <source>No publicar</source>
        <translation>Do not publish</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="509" />
        <source>Aprobado.</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="516" />
        <source>Devolver el anuncio</source>
        <translation>Return the announcement</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="516" />
        <source>¿Qué debe cambiar?</source>
        <translation>What must change?</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="521" />
        <source>Devuelto con el comentario.</source>
        <translation>Returned with the comment.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="540" />
        <source>En la bandeja de salida: se publicará a su hora.</source>
        <translation>In the outbox: it will be published at its time.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="541" />
        <source>En la bandeja de salida: se publica ahora.</source>
        <translation>In the outbox: it is being published now.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="548" />
        <source>Cancelado.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="559" />
        <source>En la bandeja de salida: se reintenta desde la publicación rechazada.</source>
        <translation>In the outbox: retrying from the refused post.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/announcements/editor.py" line="567" />
        <source>Hilo detenido; el resto, cancelado.</source>
        <translation>Thread stopped; the rest cancelled.</translation>
    </message>
</context>
<context>
    <name>AnnouncementsMenu</name>
    <message>
        <location filename="../../jun_desk/ui/announcements/menu.py" line="22" />
        <source>&amp;Anuncios del ayuntamiento…</source>
        <translation>The town's &amp;announcements…</translation>
    </message>
</context>
<context>
    <name>AssigneePicker</name>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="98" />
        <source>Asignar ticket</source>
        <translation>Assign ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="99" />
        <source>Asignar #%d (%s) a:</source>
        <translation>Assign #%d (%s) to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="103" />
        <source>Sin asignar (vuelve a la cola del departamento)</source>
        <translation>Unassigned (back to the department's queue)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="110" />
        <source>todos los departamentos</source>
        <translation>all departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="112" />
        <source>%s (%s) · %s · %s · tickets abiertos: %d</source>
        <translation>%s (%s) · %s · %s · open tickets: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="116" />
        <source>no atiende este departamento</source>
        <translation>does not serve this department</translation>
    </message>
</context>
<context>
    <name>BackupKeeper</name>
    <message>
        <location filename="../../jun_desk/ui/backup_keeper.py" line="70" />
        <source>La copia de seguridad diaria falló: %s</source>
        <translation>The daily backup failed: %s</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="158" />
        <source>Todos los departamentos</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="162" />
        <source>Cualquier persona</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="163" />
        <source>Sin asignar</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="165" />
        <source>Buscar en tickets…</source>
        <translation>Search tickets…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="176" />
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="230" />
        <source>Asignármelo</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="233" />
        <source>Asignar a…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="236" />
        <source>Cambiar de departamento…</source>
        <translation>Change department…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="296" />
        <location filename="../../jun_desk/ui/board/panel.py" line="332" />
        <source>No se pudo leer el tablero</source>
        <translation>Could not read the board</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="393" />
        <source>No se pudo actualizar el tablero</source>
        <translation>Could not update the board</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="484" />
        <source>No se pudo leer quién atiende</source>
        <translation>Could not read who is on duty</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="515" />
        <source>Mover a</source>
        <translation>Move to</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <location filename="../../jun_desk/ui/budget_dialog.py" line="69" />
        <source>Presupuesto de X</source>
        <translation>X budget</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/budget_dialog.py" line="72" />
        <source>X cobra por uso: cada mención, usuario o mensaje leído y cada respuesta enviada. Cerca del presupuesto el sondeo se espacia; al alcanzarlo se detiene hasta el mes siguiente. Lo comparten todos los puestos.</source>
        <translation>X charges per use: every mention, user or message read and every reply sent. Near the budget polling is spaced out; at the budget it stops until next month. Every desk shares it.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/budget_dialog.py" line="83" />
        <source>Al alcanzarlo, detener también las respuestas y los DM pendientes</source>
        <translation>At the budget, also hold back queued replies and DMs</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/budget_dialog.py" line="85" />
        <source>Presupuesto mensual:</source>
        <translation>Monthly budget:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/budget_dialog.py" line="86" />
        <source>Alerta diaria:</source>
        <translation>Daily alert:</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="185" />
        <source>para @%s</source>
        <translation>for @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="186" />
        <source>sin asignar</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="188" />
        <source>%d msj.</source>
        <translation>%d msgs</translation>
    </message>
</context>
<context>
    <name>CitizenDataDialog</name>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="84" />
        <source>Datos de un vecino</source>
        <translation>A citizen's data</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="86" />
        <source>Derechos de acceso y supresión: exporta o borra todo lo que la mesa guarda de un vecino.</source>
        <translation>Rights of access and erasure: export or erase everything the desk stores about a citizen.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="91" />
        <source>Usuario de X:</source>
        <translation>X handle:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="94" />
        <source>@usuario</source>
        <translation>@handle</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="103" />
        <source>Exportar…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="104" />
        <source>Borrar datos…</source>
        <translation>Erase data…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="133" />
        <source>Exportar los datos de @%s</source>
        <translation>Export @%s's data</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="135" />
        <source>JSON y HTML (*.json *.html)</source>
        <translation>JSON and HTML (*.json *.html)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="135" />
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="155" />
        <source>Exportando…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="161" />
        <source>Exportados %d elementos de @%s a %s y %s</source>
        <translation>Exported %d items of @%s to %s and %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="182" />
        <source>Borrado cancelado: no se ha cambiado nada</source>
        <translation>Erasure cancelled: nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="192" />
        <source>Borrando…</source>
        <translation>Erasing…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="198" />
        <source>Borrados los datos de @%s (la petición queda registrada con un seudónimo).</source>
        <translation>@%s's data erased (the request is recorded under a pseudonym).</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="201" />
        <source>Se conservan en retención legal los tickets %s y la ficha del vecino que necesitan.</source>
        <translation>Kept under legal hold: tickets %s and the citizen's record they need.</translation>
    </message>
</context>
<context>
    <name>CitizenPanel</name>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="57" />
        <source>Elige un ticket o un mensaje para ver quién lo escribe</source>
        <translation>Choose a ticket or a message to see who wrote it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="72" />
        <location filename="../../jun_desk/ui/citizen_panel.py" line="194" />
        <source>Enviar código por DM</source>
        <translation>Send a code by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="74" />
        <source>Confirmar en el mostrador…</source>
        <translation>Confirm at the counter…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="76" />
        <location filename="../../jun_desk/ui/citizen_panel.py" line="197" />
        <source>Verificar por otro canal…</source>
        <translation>Verify by another channel…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="82" />
        <source>Sus tickets</source>
        <translation>Their tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="84" />
        <source>Tickets del vecino</source>
        <translation>The resident's tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="87" />
        <source>Sus conversaciones por DM</source>
        <translation>Their DM conversations</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="89" />
        <source>Conversaciones del vecino</source>
        <translation>The resident's conversations</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="92" />
        <source>Notas internas de sus tickets</source>
        <translation>Internal notes on their tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="94" />
        <source>Notas internas sobre el vecino</source>
        <translation>Internal notes about the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="166" />
        <source>No se pudo leer el vecino</source>
        <translation>Could not read the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="178" />
        <source>Sin vecino: elige un ticket o un mensaje de un vecino</source>
        <translation>No resident: choose a ticket or a message from a resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="193" />
        <source>Enviar otro código por DM</source>
        <translation>Send another code by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="196" />
        <source>Revocar la verificación…</source>
        <translation>Revoke the verification…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="211" />
        <source>Ningún ticket</source>
        <translation>No tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="213" />
        <source> · %d sin atender</source>
        <translation> · %d unhandled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="221" />
        <source>Ninguna conversación</source>
        <translation>No conversations</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="229" />
        <source>Ninguna nota</source>
        <translation>No notes</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="251" />
        <source>Código de verificación para @%s en la bandeja de salida</source>
        <translation>Verification code for @%s in the outbox</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="258" />
        <source>No se pudo enviar el código</source>
        <translation>Could not send the code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="313" />
        <source>@%s verificado como vecino de Jun</source>
        <translation>@%s verified as a resident of Jun</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/citizen_panel.py" line="289" />
        <source>@%s ya no figura como vecino verificado</source>
        <translation>@%s is no longer a verified resident</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="85" />
        <source>, %d sin atender</source>
        <translation>, %d unhandled</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <location filename="../../jun_desk/ui/dms/conversation_list.py" line="44" />
        <source>%d sin atender</source>
        <translation>%d unhandled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/conversation_list.py" line="46" />
        <source>Último mensaje %s (%s): %s</source>
        <translation>Last message %s (%s): %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/conversation_list.py" line="48" />
        <source>ticket #%d</source>
        <translation>ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/conversation_list.py" line="49" />
        <location filename="../../jun_desk/ui/dms/conversation_list.py" line="125" />
        <source>sin ticket</source>
        <translation>no ticket</translation>
    </message>
</context>
<context>
    <name>CostsPanel</name>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="250" />
        <source>X hoy: %s · mes: %s</source>
        <translation>X today: %s · month: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="253" />
        <source> de %s</source>
        <translation> of %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="269" />
        <source>Gasto en X este mes (pago por uso)</source>
        <translation>X spend this month (pay-per-use)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="305" />
        <location filename="../../jun_desk/ui/costs_chart.py" line="307" />
        <source>No se pudo leer el gasto en X</source>
        <translation>Could not read the X spend</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="312" />
        <source>menciones</source>
        <translation>mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="312" />
        <source>mensajes directos</source>
        <translation>DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="313" />
        <source>usuarios y envíos</source>
        <translation>users and sends</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="319" />
        <source>búsqueda «%s»</source>
        <translation>search “%s”</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="323" />
        <source>Por flujo: %s</source>
        <translation>By stream: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="330" />
        <source> · previsión a fin de mes: %s</source>
        <translation> · forecast to the month's end: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="332" />
        <source>sondeo en pausa hasta el %s</source>
        <translation>polling paused until %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="335" />
        <source>sondeo espaciado ×%s</source>
        <translation>polling spaced out ×%s</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="134" />
        <source>Verificar a @%s en el mostrador</source>
        <translation>Verify @%s at the counter</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="138" />
        <source>Escribe el código que el vecino enseña en su móvil y comprueba su documento de identidad. No se guarda el número del documento: solo quién verificó, cuándo y con qué tipo de documento.</source>
        <translation>Type the code the resident shows on their phone and check their identity document. The document's number is not kept: only who verified, when and with which kind of document.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="148" />
        <source>Código de verificación</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="152" />
        <source>Tipo de documento</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="153" />
        <source>Documento comprobado</source>
        <translation>Document checked</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="154" />
        <source>Código:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="155" />
        <source>Documento:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="165" />
        <source>Confirmar verificación</source>
        <translation>Confirm the verification</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../jun_desk/ui/crash_dialog.py" line="79" />
        <source>Jun Desk encontró un error inesperado y sigue funcionando. Los detalles están en:
%s

%s</source>
        <translation>Jun Desk hit an unexpected error and keeps running. The details are in:
%s

%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/crash_dialog.py" line="83" />
        <source>(y %d errores más)</source>
        <translation>(and %d more errors)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/crash_dialog.py" line="86" />
        <source>Error inesperado</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="40" />
        <source>Credenciales de X</source>
        <translation>X credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="46" />
        <source>Las claves de la cuenta del Ayuntamiento se guardan solo en el llavero del sistema, nunca en la base de datos ni en ficheros.</source>
        <translation>The town hall account's keys are kept only in the system keyring, never in the database or in files.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="54" />
        <source>Cuenta (sin @)</source>
        <translation>Account (without @)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="57" />
        <source>Clave de API (API key)</source>
        <translation>API key (consumer key)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="58" />
        <source>Secreto de API (API key secret)</source>
        <translation>API key secret (consumer secret)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="59" />
        <source>Token de acceso (access token)</source>
        <translation>Access token</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="60" />
        <source>Secreto del token (access token secret)</source>
        <translation>Access token secret</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="77" />
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="78" />
        <source>Olvidar credenciales</source>
        <translation>Forget credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="118" />
        <source>Probando la conexión con X…</source>
        <translation>Testing the connection to X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="120" />
        <source>Conectado como @%s (%s)</source>
        <translation>Connected as @%s (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="122" />
        <source>No se pudo conectar: %s</source>
        <translation>Could not connect: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="128" />
        <source>Guardando en el llavero…</source>
        <translation>Saving to the keyring…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="133" />
        <source>Guardado en el llavero.</source>
        <translation>Saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="140" />
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="166" />
        <source>Llavero no disponible</source>
        <translation>Keyring not available</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="146" />
        <source>Borrando del llavero…</source>
        <translation>Removing from the keyring…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="153" />
        <source>Credenciales de @%s borradas (%d entradas).</source>
        <translation>Credentials of @%s removed (%d entries).</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="168" />
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="193" />
        <source>Usar el sandbox</source>
        <translation>Use the sandbox</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="170" />
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="195" />
        <source>Salir</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="184" />
        <source>No se guardaron claves de X. Sin ellas Jun Desk no puede leer ni contestar a la cuenta del Ayuntamiento.

Puede escribir las claves ahora, practicar con el sandbox (un día de prueba, sin X ni internet) o salir.</source>
        <translation>No X keys were saved. Without them Jun Desk cannot read or answer the town hall's account.

You can type the keys now, practise on the sandbox (a trial day, without X or the internet) or quit.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="190" />
        <source>Sin credenciales de X</source>
        <translation>No X credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="191" />
        <source>Escribir las claves…</source>
        <translation>Type the keys…</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="98" />
        <location filename="../../jun_desk/ui/dashboard.py" line="103" />
        <source>Departamento</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="98" />
        <location filename="../../jun_desk/ui/dashboard.py" line="103" />
        <source>Abiertos</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="98" />
        <source>Fuera de plazo</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="99" />
        <source>1.ª respuesta hoy</source>
        <translation>1st response today</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="99" />
        <source>Resolución hoy</source>
        <translation>Resolution today</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="100" />
        <source>1.ª respuesta semana</source>
        <translation>1st response this week</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="100" />
        <source>Resolución semana</source>
        <translation>Resolution this week</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="103" />
        <source>Fuera
de plazo</source>
        <translation>Past
target</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="104" />
        <source>1.ª resp.
hoy</source>
        <translation>1st reply
today</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="104" />
        <source>Resolución
hoy</source>
        <translation>Resolution
today</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="105" />
        <source>1.ª resp.
semana</source>
        <translation>1st reply
week</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="105" />
        <source>Resolución
semana</source>
        <translation>Resolution
week</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="107" />
        <source>Cifras por departamento</source>
        <translation>Figures by department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="85" />
        <location filename="../../jun_desk/ui/dashboard.py" line="275" />
        <source>Sin campañas en las últimas 24 horas</source>
        <translation>No campaigns in the last 24 hours</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="92" />
        <source>Departamentos</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="93" />
        <source>Gasto en X</source>
        <translation>X spend</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="202" />
        <source>No se pudo calcular el panel</source>
        <translation>Could not compute the dashboard</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="210" />
        <source>Encaminados solos (semana): %d %% de %d mensajes</source>
        <translation>Routed by triage alone (week): %d %% of %d messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="219" />
        <source>⚠ Aún no hay ninguna copia de seguridad de la base de datos</source>
        <translation>⚠ There is no backup of the database yet</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="225" />
        <source>⚠ La última copia de seguridad es de hace %d días (%s): compruebe las copias</source>
        <translation>⚠ The last backup is %d days old (%s): check the backups</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="228" />
        <source>Última copia de seguridad: %s (%s)</source>
        <translation>Last backup: %s (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="258" />
        <source>Hoy: %d tickets, mediana de 1.ª respuesta %s, de resolución %s · Semana: %d tickets, %s / %s</source>
        <translation>Today: %d tickets, median first response %s, resolution %s · Week: %d tickets, %s / %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="266" />
        <source>Campañas (últimas 24 h):</source>
        <translation>Campaigns (last 24 h):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="268" />
        <source>#%s: %d menciones de %d vecinos, %s–%s, pico %d/hora</source>
        <translation>#%s: %d mentions from %d residents, %s–%s, peak %d/hour</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="31" />
        <location filename="../../jun_desk/ui/database_dialog.py" line="58" />
        <source>Base de datos</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="36" />
        <source>Varios puestos comparten el tablero en una base de datos PostgreSQL. La contraseña se guarda solo en el llavero del sistema.</source>
        <translation>Several desks share the board in a PostgreSQL database. The password is kept only in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="43" />
        <source>Solo este puesto (archivo SQLite)</source>
        <translation>This desk only (SQLite file)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="44" />
        <source>Tablero compartido (PostgreSQL)</source>
        <translation>Shared board (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="45" />
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="47" />
        <source>Archivo</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="49" />
        <source>servidor.ayto-jun.local</source>
        <translation>server.ayto-jun.local</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="57" />
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="57" />
        <source>Puerto</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="59" />
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="60" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="69" />
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="103" />
        <source>Indique el archivo de la base de datos</source>
        <translation>Enter the database file</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="107" />
        <source>Indique el servidor y la base de datos</source>
        <translation>Enter the server and the database</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="124" />
        <source>Probando la conexión…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="126" />
        <source>Conexión correcta: %s</source>
        <translation>Connection works: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="143" />
        <source>Guardado. Jun Desk usará esta base de datos la próxima vez que se abra.</source>
        <translation>Saved. Jun Desk will use this database the next time it starts.</translation>
    </message>
</context>
<context>
    <name>DepartmentPicker</name>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="156" />
        <source>Cambiar de departamento</source>
        <translation>Change department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="157" />
        <source>Llevar #%d a:</source>
        <translation>Move #%d to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="161" />
        <source>(actual)</source>
        <translation>(current)</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="60" />
        <source>&amp;Feed</source>
        <translation>&amp;Feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="62" />
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="80" />
        <source>Ir al feed</source>
        <translation>Go to the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="81" />
        <source>Buscar en el feed</source>
        <translation>Search the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="87" />
        <source>Ir a mensajes directos</source>
        <translation>Go to direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="89" />
        <source>Enviar el DM de la conversación</source>
        <translation>Send the conversation's DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="95" />
        <source>Ir al tablero</source>
        <translation>Go to the board</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="96" />
        <source>Buscar en tickets</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="98" />
        <source>Ir al ticket (redactar)</source>
        <translation>Go to the ticket (write)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="101" />
        <source>Ir al vecino</source>
        <translation>Go to the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="105" />
        <source>Asignármelo</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="107" />
        <source>Asignar a…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="109" />
        <source>Cambiar de departamento…</source>
        <translation>Change department…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="111" />
        <source>Mover a</source>
        <translation>Move to</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="118" />
        <source>Mover a…</source>
        <translation>Move to…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="120" />
        <source>Responder en público</source>
        <translation>Reply in public</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="125" />
        <source>Enviar DM al vecino</source>
        <translation>Send a DM to the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="130" />
        <source>Añadir nota interna</source>
        <translation>Add an internal note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="134" />
        <source>Respuesta preparada…</source>
        <translation>Canned reply…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="137" />
        <source>Resolver…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="139" />
        <source>Reabrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="142" />
        <source>Aviso de corte u obra…</source>
        <translation>Outage or works notice…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="145" />
        <source>Retener por obligación legal…</source>
        <translation>Place under legal hold…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="147" />
        <source>Levantar la retención legal</source>
        <translation>Release the legal hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="151" />
        <source>Datos del vecino (privacidad)…</source>
        <translation>The citizen's data (privacy)…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="156" />
        <source>Deshacer</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="162" />
        <source>Atajos de teclado</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="180" />
        <source>Deshacer (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="284" />
        <source>Ningún cambio permitido</source>
        <translation>No move allowed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="318" />
        <source>Abre antes un ticket (tablero o feed)</source>
        <translation>Open a ticket first (board or feed)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="320" />
        <source>Escribe antes el texto en el panel del ticket (Ctrl+3)</source>
        <translation>Write the text in the ticket pane first (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="322" />
        <source>Este ticket no tiene mención pública a la que responder: Ctrl+Mayús+Intro lo envía por DM</source>
        <translation>This ticket has no public mention to reply to: Ctrl+Shift+Enter sends it by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="325" />
        <source>No se puede enviar así: %s</source>
        <translation>Cannot send that way: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="366" />
        <source>el vecino</source>
        <translation>the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="367" />
        <source>Mensaje de %s marcado como atendido</source>
        <translation>Message from %s marked as handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="368" />
        <source>Mensaje de %s vuelve a sin atender</source>
        <translation>Message from %s is unhandled again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="372" />
        <source>Ticket #%d asignado a ti</source>
        <translation>Ticket #%d assigned to you</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="375" />
        <source>Ticket #%d asignado a %s</source>
        <translation>Ticket #%d assigned to %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="376" />
        <source>Ticket #%d devuelto a la cola del departamento</source>
        <translation>Ticket #%d back in the department's queue</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="379" />
        <source>Ticket #%d pasado a %s</source>
        <translation>Ticket #%d moved to %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="381" />
        <source>Ticket #%d resuelto</source>
        <translation>Ticket #%d resolved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="383" />
        <source>Ticket #%d reabierto (%s)</source>
        <translation>Ticket #%d reopened (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="384" />
        <source>Ticket #%d movido a %s</source>
        <translation>Ticket #%d moved to %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="398" />
        <source>Nada que deshacer</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="411" />
        <source>Deshecho: el mensaje vuelve a estar %s</source>
        <translation>Undone: the message is %s again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="412" />
        <source>atendido</source>
        <translation>handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="412" />
        <source>sin atender</source>
        <translation>unhandled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="416" />
        <location filename="../../jun_desk/ui/actions_menu.py" line="428" />
        <source>No se pudo deshacer</source>
        <translation>Could not undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="421" />
        <source>sin asignar</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/actions_menu.py" line="423" />
        <source>Deshecho: el ticket #%d vuelve a %s · %s · %s</source>
        <translation>Undone: ticket #%d is back to %s · %s · %s</translation>
    </message>
</context>
<context>
    <name>DeskShell</name>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="151" />
        <source>Menciones y mensajes</source>
        <translation>Mentions and messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="152" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="158" />
        <source>Mensajes directos</source>
        <translation>Direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="164" />
        <source>Vecino</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="181" />
        <source>Panel de supervisión</source>
        <translation>Supervisor dashboard</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="184" />
        <source>No se pudo leer</source>
        <translation>Could not be read</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="187" />
        <source>Moderación</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/desk.py" line="364" />
        <source>Crea antes un ticket con este mensaje (Ctrl+T) para responder</source>
        <translation>Create a ticket from this message first (Ctrl+T) to reply</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="79" />
        <source>Elige un ticket en el tablero o crea uno desde el feed</source>
        <translation>Pick a ticket on the board or create one from the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="89" />
        <source>⚠ El vecino publicó datos personales: ofrece seguir por DM.</source>
        <translation>⚠ The resident posted personal data: offer to continue by DM.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="93" />
        <source>Usar «pásanos un DM»</source>
        <translation>Use "please DM us"</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="115" />
        <source>Conversación</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="116" />
        <source>Historial</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="117" />
        <source>Envíos</source>
        <translation>Sends</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="123" />
        <source>Respuestas preparadas…</source>
        <translation>Canned replies…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="131" />
        <source>Escribe la respuesta, el DM o una nota…</source>
        <translation>Write the reply, the DM or a note…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="153" />
        <source>Responder en público</source>
        <translation>Reply in public</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="154" />
        <source>Enviar DM</source>
        <translation>Send DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="155" />
        <source>Añadir nota</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="156" />
        <source>Resolver</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="157" />
        <source>Reabrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="185" />
        <source>No se pudo abrir el ticket</source>
        <translation>Could not open the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="226" />
        <source>sin vecino</source>
        <translation>no resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="228" />
        <source>sin asignar</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="232" />
        <source>Prioridad: %s</source>
        <translation>Priority: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="118" />
        <source>respuesta</source>
        <translation>reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="119" />
        <source>DM</source>
        <translation>DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="120" />
        <source>motivo</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="123" />
        <source>(intentos: %d)</source>
        <translation>(attempts: %d)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="126" />
        <source>Nada enviado aún.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="39" />
        <source>Para (DM): nadie, el ticket no tiene vecino</source>
        <translation>To (DM): nobody, the ticket has no citizen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="42" />
        <source>Para (DM): %s</source>
        <translation>To (DM): %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="90" />
        <source>Ayuntamiento</source>
        <translation>Town hall</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="93" />
        <source>editado</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="96" />
        <source>Versiones anteriores:</source>
        <translation>Earlier versions:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/texts.py" line="105" />
        <source>Nota interna</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="358" />
        <source>No se pudo enviar</source>
        <translation>Could not send</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="362" />
        <source>Mensaje en la bandeja de salida (#%d)</source>
        <translation>Message in the outbox (#%d)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="372" />
        <source>No se pudo guardar la nota</source>
        <translation>Could not save the note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="413" />
        <source>Ticket #%d resuelto; aviso al vecino en la bandeja de salida (#%d)</source>
        <translation>Ticket #%d resolved; message to the resident in the outbox (#%d)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="399" />
        <source>No se pudo resolver</source>
        <translation>Could not resolve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="437" />
        <source>No se pudo cambiar de departamento</source>
        <translation>Could not change the department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="450" />
        <source>No se pudo reabrir</source>
        <translation>Could not reopen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/thread_photos.py" line="105" />
        <source>Foto %d: %s</source>
        <translation>Photo %d: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/thread_photos.py" line="152" />
        <source>vídeo</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/thread_photos.py" line="153" />
        <source>GIF animado</source>
        <translation>animated GIF</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/thread_photos.py" line="154" />
        <source>foto</source>
        <translation>photo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/thread_photos.py" line="155" />
        <source>Ver %s %d de %d</source>
        <translation>View %s %d of %d</translation>
    </message>
</context>
<context>
    <name>DmPanel</name>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="133" />
        <source>Buscar conversación…</source>
        <translation>Search conversations…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="134" />
        <source>Buscar en las conversaciones</source>
        <translation>Search the conversations</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="139" />
        <source>Conversaciones</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="153" />
        <location filename="../../jun_desk/ui/dms/panel.py" line="397" />
        <source>Elige una conversación</source>
        <translation>Pick a conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="180" />
        <source>Escribe un mensaje directo…</source>
        <translation>Write a direct message…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="188" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="189" />
        <source>Vincular a ticket…</source>
        <translation>Link to ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="190" />
        <source>Ver ticket</source>
        <translation>Open ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="191" />
        <source>Desvincular</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="193" />
        <source>Quita la conversación del ticket: sus mensajes vuelven a esperar en el feed</source>
        <translation>Takes the conversation off the ticket: its messages wait in the feed again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="194" />
        <source>Enviar DM</source>
        <translation>Send DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="222" />
        <source>No se pudieron leer los mensajes directos</source>
        <translation>Could not read the direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="281" />
        <source>No se pudo leer la conversación</source>
        <translation>Could not read the conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="303" />
        <source> · ticket #%d</source>
        <translation> · ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="304" />
        <source> · sin ticket</source>
        <translation> · no ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="306" />
        <source>Para: %1 %2, en esta conversación</source>
        <translation>To: %1 %2, in this conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="311" />
        <source>Ayuntamiento</source>
        <translation>Town hall</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="370" />
        <source>otra persona</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="372" />
        <source>El ticket #%1 es de %2, no de %3. Un DM escrito aquí se envía a %3, nunca a %2: no incluya datos de %2.</source>
        <translation>Ticket #%1 is %2's, not %3's. A DM written here goes to %3, never to %2: do not include %2's details.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="374" />
        <source>Sí, este DM es para %1</source>
        <translation>Yes, this DM is for %1</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="399" />
        <source>Crea o vincula un ticket para responder: así queda registrado</source>
        <translation>Create or link a ticket to reply, so the answer is on record</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="401" />
        <source>Leyendo el ticket de la conversación…</source>
        <translation>Reading the conversation's ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="404" />
        <source>Escribe el mensaje antes de enviarlo</source>
        <translation>Write the message before sending it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="406" />
        <source>El mensaje pasa de %d caracteres</source>
        <translation>The message is longer than %d characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="408" />
        <source>No se ha enviado: marca «%1» para enviarlo a %2</source>
        <translation>Not sent: tick “%1” to send it to %2</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="435" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="458" />
        <source>Conversación vinculada al ticket #%d</source>
        <translation>Conversation linked to ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="459" />
        <source>No se pudo vincular</source>
        <translation>Could not link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="469" />
        <source>Conversación desvinculada del ticket #%d</source>
        <translation>Conversation unlinked from ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="470" />
        <source>No se pudo desvincular</source>
        <translation>Could not unlink</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="500" />
        <source>DM en la bandeja de salida</source>
        <translation>DM in the outbox</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="506" />
        <source>No se pudo enviar el DM</source>
        <translation>Could not send the DM</translation>
    </message>
</context>
<context>
    <name>EraseConfirm</name>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="47" />
        <source>Borrar los datos de @%s</source>
        <translation>Erase @%s's data</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="50" />
        <source>Se anonimiza todo lo que la mesa guarda de @%s: su ficha, sus mensajes, los tickets, las respuestas y DMs, la moderación y la cuarentena. No se puede deshacer.
Se conserva lo que está en retención legal: los tickets retenidos, con sus mensajes, y la ficha del vecino que necesitan. La petición queda registrada con un seudónimo, no con su usuario.</source>
        <translation>Everything the desk stores about @%s is anonymised: their record, their messages, the tickets, the replies and DMs, moderation and quarantine. It cannot be undone.
What is under legal hold is kept: the held tickets, with their messages, and the citizen's record they need. The request is recorded under a pseudonym, not their handle.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="58" />
        <source>Escribe el usuario (@%s) para confirmar:</source>
        <translation>Type the handle (@%s) to confirm:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/privacy_dialog.py" line="64" />
        <source>Borrar</source>
        <translation>Erase</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="32" />
        <source>Estado desconocido «{value}» (válidos: {statuses})</source>
        <comment>status.unknown</comment>
        <translation>Unknown status '{value}' (valid: {statuses})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="34" />
        <source>Prioridad desconocida «{value}» (válidas: {priorities})</source>
        <comment>priority.unknown</comment>
        <translation>Unknown priority '{value}' (valid: {priorities})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="36" />
        <source>El ticket ya está «{status}»</source>
        <comment>move.same</comment>
        <translation>The ticket is already '{status}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="38" />
        <source>Un ticket no puede pasar de «{status}» a «{target}» (desde «{status}» puede ir a: {statuses})</source>
        <comment>move.refused</comment>
        <translation>A ticket cannot move from '{status}' to '{target}' (from '{status}' it can go to: {statuses})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="44" />
        <source>Papel desconocido «{value}» (válidos: {roles})</source>
        <comment>role.unknown</comment>
        <translation>Unknown role '{value}' (valid: {roles})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="49" />
        <source>{username} trabaja para {departments}, no para «{department}»: pídaselo a un supervisor</source>
        <comment>permission.department</comment>
        <translation>{username} works for {departments}, not for '{department}': ask a supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="52" />
        <source>{username} (operador/a) no puede {move} directamente por «{reason}»: propóngalo y un supervisor lo aprueba</source>
        <comment>permission.moderation_direct</comment>
        <translation>{username} (operator) may not {move} directly for '{reason}': propose it and a supervisor approves</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="58" />
        <source>{username} ({role}) no puede rechazar propuestas de moderación: pídaselo a un supervisor</source>
        <comment>permission.moderation_reject</comment>
        <translation>{username} ({role}) may not reject moderation proposals: ask a supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="61" />
        <source>{username} ya no es operador/a de esta mesa (la cuenta se eliminó, quizá desde otro puesto): no se ha hecho nada; inicie sesión con otra persona</source>
        <comment>session.removed</comment>
        <translation>{username} is no longer an operator of this desk (the account was removed, perhaps from another desk): nothing was done; sign in again as someone else</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="64" />
        <source>Un supervisor desactivó la cuenta de {username} (quizá desde otro puesto): no se ha hecho nada; inicie sesión con otra persona</source>
        <comment>session.deactivated</comment>
        <translation>{username}'s account was deactivated by a supervisor (perhaps from another desk): nothing was done; sign in again as someone else</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="67" />
        <source>Departamento desconocido «{value}» (válidos: {departments})</source>
        <comment>department.unknown</comment>
        <translation>Unknown department '{value}' (valid: {departments})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="69" />
        <source>El ticket #{ticket} ya está en «{department}»</source>
        <comment>department.same</comment>
        <translation>Ticket #{ticket} is already in '{department}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="71" />
        <source>El ticket #{ticket} no existe</source>
        <comment>ticket.not_found</comment>
        <translation>Ticket #{ticket} does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="73" />
        <source>Un ticket necesita un título</source>
        <comment>ticket.title_missing</comment>
        <translation>A ticket needs a title</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="78" />
        <source>El ticket ya está asignado así</source>
        <comment>ticket.assign_same</comment>
        <translation>The ticket is already assigned that way</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="80" />
        <source>{username} no trabaja para «{department}»</source>
        <comment>ticket.assignee_department</comment>
        <translation>{username} does not work for '{department}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="82" />
        <source>El ticket #{ticket} ya está abierto ({status})</source>
        <comment>ticket.reopen_open</comment>
        <translation>Ticket #{ticket} is open already ({status})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="87" />
        <source>Un ticket no se puede fusionar consigo mismo</source>
        <comment>ticket.merge_self</comment>
        <translation>A ticket cannot be merged into itself</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="89" />
        <source>El ticket #{ticket} está «{status}»: reábralo primero</source>
        <comment>ticket.merge_closed</comment>
        <translation>Ticket #{ticket} is {status}: reopen it first</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="91" />
        <source>El ticket #{ticket} ya se fusionó</source>
        <comment>ticket.merge_again</comment>
        <translation>Ticket #{ticket} was already merged</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="97" />
        <source>El ticket #{ticket} lo acaba de cambiar {username} ({action}, {at} UTC{changes}). No se ha sobrescrito nada: el ticket se muestra como está ahora; repita la acción si sigue haciendo falta.</source>
        <comment>ticket.conflict_by</comment>
        <translation>Ticket #{ticket} was changed by someone else: {username} did '{action}' at {at} UTC{changes}. Nothing was overwritten: reload the ticket and try again.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="101" />
        <source>Una nota no puede estar vacía</source>
        <comment>note.empty</comment>
        <translation>A note cannot be empty</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="103" />
        <source>Una nota puede tener como máximo {limit} caracteres</source>
        <comment>note.too_long</comment>
        <translation>A note can have at most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="105" />
        <source>Nada que deshacer en el ticket #{ticket}: el último cambio no es un movimiento ni una asignación de {username}</source>
        <comment>undo.not_yours</comment>
        <translation>Nothing to undo on ticket #{ticket}: the last change is not one of {username}'s moves or assignments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="108" />
        <source>El ticket #{ticket} ha cambiado desde entonces: nada que deshacer</source>
        <comment>undo.changed</comment>
        <translation>Ticket #{ticket} changed since: nothing to undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="110" />
        <source>Nada que deshacer en el ticket #{ticket}</source>
        <comment>undo.nothing</comment>
        <translation>Nothing to undo on ticket #{ticket}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="112" />
        <source>El mensaje {item} no existe</source>
        <comment>message.not_found</comment>
        <translation>Message {item} does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="114" />
        <source>Ese mensaje ya pertenece al ticket #{ticket}</source>
        <comment>message.has_ticket</comment>
        <translation>That message already belongs to ticket #{ticket}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="116" />
        <source>Todo lo de esta conversación ya está en un ticket</source>
        <comment>conversation.nothing_new</comment>
        <translation>Everything in this conversation is already on a ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="118" />
        <source>Esta conversación no está vinculada al ticket #{ticket}</source>
        <comment>conversation.not_linked</comment>
        <translation>This conversation is not linked to ticket #{ticket}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="121" />
        <source>El ticket #{ticket} solo tiene esta conversación: resuélvalo o fusiónelo en vez de desvincularla</source>
        <comment>conversation.only_messages</comment>
        <translation>Ticket #{ticket} holds only this conversation: resolve it or merge it instead of unlinking</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="124" />
        <source>El vecino {citizen} no existe</source>
        <comment>citizen.not_found</comment>
        <translation>Citizen {citizen} does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="126" />
        <source>Ningún vecino @{handle} ha escrito a la mesa</source>
        <comment>citizen.handle_unknown</comment>
        <translation>No citizen @{handle} has written to the desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="128" />
        <source>Ese vecino no ha escrito a la mesa</source>
        <comment>citizen.unknown</comment>
        <translation>No such citizen has written to the desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="130" />
        <source>Una verificación «{was}» no puede pasar a «{wanted}»</source>
        <comment>verification.transition</comment>
        <translation>A verification that is '{was}' cannot become '{wanted}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="132" />
        <source>El ajuste de verificación «{field}» está fuera de rango</source>
        <comment>verification.policy</comment>
        <translation>The verification setting '{field}' is out of range</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="134" />
        <source>Documento de identidad desconocido «{value}» (válidos: {documents})</source>
        <comment>verification.document_unknown</comment>
        <translation>Unknown identity document '{value}' (valid: {documents})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="137" />
        <source>Marca «documento comprobado» cuando hayas comprobado el documento de identidad del vecino: no se confirmó nada</source>
        <comment>verification.document_unchecked</comment>
        <translation>Tick 'document checked' once you have checked the citizen's identity document: nothing was confirmed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="140" />
        <source>Escribe el código que enseña el vecino: no se confirmó nada</source>
        <comment>verification.code_empty</comment>
        <translation>Type the code the citizen shows: nothing was confirmed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="143" />
        <source>«{typed}» no es un código: un código tiene {length} letras y cifras, sin 0, 1, I, L ni O. No cuenta como intento; escríbelo de nuevo</source>
        <comment>verification.code_malformed</comment>
        <translation>'{typed}' is not a code: a code has {length} letters and digits, without 0, 1, I, L or O. Nothing was counted; type it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="147" />
        <source>Código incorrecto para @{handle}: quedan {left} intento(s) antes de que el código se anule</source>
        <comment>verification.code_wrong</comment>
        <translation>Wrong code for @{handle}: {left} attempt(s) left before the code is spent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="150" />
        <source>Código incorrecto para @{handle} {attempts} veces: el código queda anulado y ya no vale. Envía un código nuevo</source>
        <comment>verification.code_spent</comment>
        <translation>Wrong code for @{handle} {attempts} times: the code is spent and no longer valid. Send a new code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="153" />
        <source>El código enviado a @{handle} caducó el {at} UTC: envía un código nuevo</source>
        <comment>verification.code_expired</comment>
        <translation>The code sent to @{handle} expired at {at} UTC: send a new code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="156" />
        <source>@{handle} no tiene ningún código de verificación pendiente: envíale uno primero</source>
        <comment>verification.no_code</comment>
        <translation>@{handle} has no verification code waiting: send one first</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="159" />
        <source>Di cómo se verificó a @{handle} por otro canal (una nota): no se confirmó nada</source>
        <comment>verification.note_required</comment>
        <translation>Say how @{handle} was verified by another channel (a note): nothing was confirmed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="162" />
        <source>@{handle} no está verificado: no hay nada que revocar</source>
        <comment>verification.not_verified</comment>
        <translation>@{handle} is not verified: nothing to revoke</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="164" />
        <source>Los datos de este vecino se borraron: no se le puede verificar</source>
        <comment>verification.citizen_gone</comment>
        <translation>The data of this citizen was removed: they cannot be verified</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="167" />
        <source>No hay ningún operador llamado «{username}»</source>
        <comment>operator.not_found</comment>
        <translation>No operator called '{username}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="169" />
        <source>No hay ningún operador activo llamado «{username}»</source>
        <comment>operator.not_active</comment>
        <translation>No active operator called '{username}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="171" />
        <source>El operador {operator} no está activo</source>
        <comment>operator.id_not_active</comment>
        <translation>Operator {operator} is not an active operator</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="173" />
        <source>El operador {operator} ya no está activo</source>
        <comment>operator.inactive</comment>
        <translation>Operator {operator} is no longer active</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="175" />
        <source>Ya hay un operador llamado «{username}»</source>
        <comment>operator.exists</comment>
        <translation>There is already an operator called '{username}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="180" />
        <source>Usuario del sistema no válido «{system_user}»</source>
        <comment>operator.bad_system_user</comment>
        <translation>Invalid system user name '{system_user}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="185" />
        <source>Escriba su nombre de usuario y su contraseña.</source>
        <comment>sign_in.empty</comment>
        <translation>Type your user name and your password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="202" />
        <source>{username} ya tiene contraseña: escríbala</source>
        <comment>sign_in.has_password</comment>
        <translation>{username} already has a password: type it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="204" />
        <source>Usuario o contraseña incorrectos.</source>
        <comment>sign_in.wrong</comment>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="206" />
        <source>Demasiados intentos fallidos: espere {seconds} s</source>
        <comment>sign_in.wait</comment>
        <translation>Too many wrong attempts: wait {seconds} s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="211" />
        <source>Ningún operador está asociado a este usuario del sistema.</source>
        <comment>sign_in.no_system</comment>
        <translation>No operator is bound to this system user</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="216" />
        <source>La contraseña está vacía.</source>
        <comment>password.empty</comment>
        <translation>The password is empty</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="221" />
        <source>La contraseña contiene caracteres de control.</source>
        <comment>password.control</comment>
        <translation>The password contains control characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="223" />
        <source>El PIN debe tener al menos {limit} cifras, solo cifras.</source>
        <comment>password.pin</comment>
        <translation>The PIN must be at least {limit} digits</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="225" />
        <source>La contraseña debe tener al menos {limit} caracteres.</source>
        <comment>password.short</comment>
        <translation>The password must have at least {limit} characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="227" />
        <source>El plazo de conservación es un número de días entre 1 y {limit}, no {days}: no se ha cambiado nada</source>
        <comment>privacy.retention_days</comment>
        <translation>A retention period is a number of days between 1 and {limit}, not {days}: nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="230" />
        <source>@{handle} aún tiene tickets abiertos ({tickets}): resuélvalos o ciérrelos antes de borrar; no se ha cambiado nada</source>
        <comment>privacy.erase_open</comment>
        <translation>@{handle} still has open tickets ({tickets}): resolve or close them before erasing; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="233" />
        <source>Una respuesta o DM a @{handle} espera aún en la bandeja de salida: deje que se envíe o falle antes de borrar; no se ha cambiado nada</source>
        <comment>privacy.erase_outbox</comment>
        <translation>A reply or DM to @{handle} is still waiting in the outbox: let it go or fail before erasing; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="236" />
        <source>No se confirmó el borrado de @{handle}: no se ha cambiado nada</source>
        <comment>privacy.not_confirmed</comment>
        <translation>Erasure of @{handle} was not confirmed: nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="239" />
        <source>El ticket #{ticket} ya está en retención legal</source>
        <comment>privacy.hold_same</comment>
        <translation>Ticket #{ticket} is already under legal hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="241" />
        <source>El ticket #{ticket} no está en retención legal</source>
        <comment>privacy.hold_none</comment>
        <translation>Ticket #{ticket} is not under legal hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="243" />
        <source>Una retención legal necesita un motivo (la norma o el caso que obliga a conservar el ticket)</source>
        <comment>privacy.hold_reason</comment>
        <translation>A legal hold needs a reason (the law or the case that requires keeping the ticket)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="246" />
        <source>El ticket #{ticket} ya se anonimizó: no queda nada que retener</source>
        <comment>privacy.hold_anonymised</comment>
        <translation>Ticket #{ticket} was anonymised already: there is nothing left to hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="249" />
        <source>{path} ya existe: elija otro archivo (no se ha escrito nada)</source>
        <comment>privacy.out_exists</comment>
        <translation>{path} exists already: choose another file (nothing was written)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="252" />
        <source>No se pudo escribir la exportación en {path}: {detail}</source>
        <comment>privacy.write_failed</comment>
        <translation>The export could not be written in {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="254" />
        <source>Tipo de envío desconocido «{value}» (respuesta o DM)</source>
        <comment>outbox.kind</comment>
        <translation>Unknown outbox kind '{value}' (reply or dm)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="256" />
        <source>El mensaje está vacío</source>
        <comment>outbox.empty</comment>
        <translation>The message is empty</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="258" />
        <source>La respuesta tiene {length} caracteres tal como los cuenta X (como máximo {limit}): acórtela o envíe un DM</source>
        <comment>outbox.reply_too_long</comment>
        <translation>The reply is {length} characters as X counts them (at most {limit}): shorten it or send a DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="261" />
        <source>Un DM puede tener como máximo {limit} caracteres</source>
        <comment>outbox.dm_too_long</comment>
        <translation>A DM can have at most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="266" />
        <source>El ticket #{ticket} no tiene ningún vecino al que escribir</source>
        <comment>outbox.no_citizen</comment>
        <translation>Ticket #{ticket} has no citizen to write to</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="271" />
        <source>El envío {outbox} no existe</source>
        <comment>outbox.not_found</comment>
        <translation>Outbox item {outbox} does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="273" />
        <source>El anuncio no tiene texto</source>
        <comment>announcement.empty</comment>
        <translation>The announcement has no text</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="275" />
        <source>La publicación {post} tiene {length} caracteres según cuenta X (como máximo {limit}): acórtela o divida el texto</source>
        <comment>announcement.post_too_long</comment>
        <translation>Post {post} is {length} characters as X counts them (at most {limit}): shorten it or split the text</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="278" />
        <source>«{word}» es más largo de lo que cabe en una publicación ({limit}) y no se puede partir dentro de una palabra</source>
        <comment>announcement.word_too_long</comment>
        <translation>'{word}' is longer than a post can hold ({limit}) and cannot be split inside a word</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="281" />
        <source>El hilo tendría {count} publicaciones (como máximo {limit})</source>
        <comment>announcement.too_many_posts</comment>
        <translation>The thread would have {count} posts (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="284" />
        <source>El anuncio {number} no existe</source>
        <comment>announcement.not_found</comment>
        <translation>Announcement {number} does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="286" />
        <source>El anuncio {number} está «{ann_state}»: ahora no se puede {ann_step} (solo cuando está {ann_states})</source>
        <comment>announcement.state</comment>
        <translation>Announcement {number} is '{ann_state}': it cannot {ann_step} now (only when {ann_states})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="289" />
        <source>La hora de publicación «{value}» no es una fecha y hora (AAAA-MM-DD HH:MM, hora de Jun)</source>
        <comment>announcement.slot_format</comment>
        <translation>Publication time '{value}' is not a date and time (YYYY-MM-DD HH:MM, the town's time)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="292" />
        <source>La hora de publicación {slot} no existe en Jun (esa noche se adelantan los relojes): elija otra hora</source>
        <comment>announcement.slot_nonexistent</comment>
        <translation>Publication time {slot} does not exist in Jun (the clocks go forward that night): choose another time</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="295" />
        <source>La hora de publicación {slot} ya ha pasado (en Jun son las {now}): elija una hora posterior</source>
        <comment>announcement.slot_past</comment>
        <translation>Publication time {slot} is in the past (it is {now} in Jun): choose a later time</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="298" />
        <source>Publicarlo cuesta {cost} y el mes lleva gastados {spent} de un presupuesto de {budget}: debe confirmarlo un supervisor</source>
        <comment>announcement.over_budget</comment>
        <translation>Publishing costs {cost} and the month has spent {spent} of a budget of {budget}: a supervisor must confirm it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="301" />
        <source>Para devolver un anuncio hay que escribir un comentario con lo que debe cambiar</source>
        <comment>announcement.return_comment</comment>
        <translation>Returning an announcement needs a comment saying what to change</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="304" />
        <source>No se puede leer la imagen {path}: {detail}</source>
        <comment>announcement.image_missing</comment>
        <translation>The image {path} cannot be read: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="306" />
        <source>X rechazó la imagen {path}: {detail}</source>
        <comment>announcement.image_refused</comment>
        <translation>X refused the image {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="308" />
        <source>La imagen {path} no es una imagen JPEG, PNG o WEBP</source>
        <comment>announcement.image_type</comment>
        <translation>The image {path} is not a JPEG, PNG or WEBP picture</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="310" />
        <source>El anuncio {number} no está detenido: X no ha rechazado ninguna de sus publicaciones</source>
        <comment>announcement.not_stuck</comment>
        <translation>Announcement {number} is not stopped: X has refused none of its posts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="313" />
        <source>Esta conversación (con @{handle}) no está vinculada al ticket #{ticket}: no se ha enviado nada. Vincúlela primero.</source>
        <comment>dm.not_linked</comment>
        <translation>This conversation (with @{handle}) is not linked to ticket #{ticket}: nothing was sent; link it first</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="316" />
        <source>El ticket #{ticket} es de {owner}, no de @{handle}, con quien es esta conversación: no se ha enviado nada. Confirme que el DM debe ir a @{handle}.</source>
        <comment>dm.other_citizen</comment>
        <translation>Ticket #{ticket} is {owner}'s, not @{handle}'s, whom this conversation is with: nothing was sent. Confirm the DM is for @{handle}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="323" />
        <source>Elija al menos un elemento de la lista</source>
        <comment>quarantine.none_chosen</comment>
        <translation>Choose at least one item of the list</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="328" />
        <source>No existe la moderación {number}</source>
        <comment>moderation.not_found</comment>
        <translation>No moderation action {number}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="333" />
        <source>Ya hay una propuesta de {move} esperando (#{number})</source>
        <comment>moderation.duplicate</comment>
        <translation>A proposal to {move} this is already waiting (#{number})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="335" />
        <source>La moderación #{number} está {state}, no espera una decisión</source>
        <comment>moderation.decided</comment>
        <translation>Moderation action #{number} is {state}, not waiting for a decision</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="337" />
        <source>X no puede recuperar una publicación borrada; su texto se conserva en el archivo (moderación #{number})</source>
        <comment>moderation.undo_delete</comment>
        <translation>X cannot bring back a deleted post; its text is kept in the archive (moderation action #{number})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="343" />
        <source>«{value}» no es un identificador de X</source>
        <comment>moderation.bad_target</comment>
        <translation>'{value}' is not an X id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="345" />
        <source>No hay ninguna respuesta guardada con el identificador de X {target_id}: sincronice primero</source>
        <comment>moderation.no_reply</comment>
        <translation>No stored reply with X id {target_id}: sync first</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="354" />
        <source>Las normas no permiten {move} por el motivo «{value}» (motivos para {move}: {reasons})</source>
        <comment>moderation.reason_not_for</comment>
        <translation>The policy does not allow '{move}' for reason '{value}' (reasons for {move}: {reasons})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="357" />
        <source>X lo rechazó: {detail}</source>
        <comment>moderation.x_refused</comment>
        <translation>X refused: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="362" />
        <source>El aviso diario no puede superar el presupuesto mensual</source>
        <comment>budget.alert_above</comment>
        <translation>The daily alert level cannot be above the monthly budget</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="364" />
        <source>«{handle}» no es un nombre de usuario de X (letras, cifras y _, hasta 15)</source>
        <comment>staff.bad_handle</comment>
        <translation>'{handle}' is not an X handle (letters, digits and _, up to 15)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="367" />
        <source>X no conoce la cuenta @{handle}: no se ha guardado nada</source>
        <comment>staff.unknown_handle</comment>
        <translation>X does not know the account @{handle}: nothing was saved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="369" />
        <source>No hay ninguna cuenta del personal @{handle}</source>
        <comment>staff.not_found</comment>
        <translation>There is no staff account @{handle}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="371" />
        <source>@{handle} es la cuenta del propio ayuntamiento: sus menciones ya se leen</source>
        <comment>staff.town_account</comment>
        <translation>@{handle} is the town's own account: its mentions are read already</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="374" />
        <source>Una búsqueda debe tener entre 1 y {limit} caracteres (esta tiene {length})</source>
        <comment>search.bad_query</comment>
        <translation>A search must hold 1 to {limit} characters (this one has {length})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="377" />
        <source>X ha rechazado la búsqueda «{query}»{detail}: no se ha guardado nada</source>
        <comment>search.rejected</comment>
        <translation>X rejected the search '{query}'{detail}: nothing was saved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="380" />
        <source>No hay ninguna búsqueda vigilada n.º {search}</source>
        <comment>search.not_found</comment>
        <translation>There is no watched search #{search}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="382" />
        <source>Flujo desconocido «{value}» (válidos: {streams})</source>
        <comment>streams.unknown</comment>
        <translation>Unknown stream '{value}' (valid: {streams})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="384" />
        <source>Aún no hay datos de entrenamiento: reentrene una vez con el corpus (jun-desk triage retrain --corpus corpus.jsonl, o ${variable}); sus vectores se guardan luego en la base de datos para todos los puestos</source>
        <comment>triage.no_training_data</comment>
        <translation>No training data yet: retrain once with the corpus (jun-desk triage retrain --corpus corpus.jsonl, or ${variable}); its vectors are then kept in the database for every desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="388" />
        <source>Los datos de entrenamiento no tienen una parte de prueba con la que comprobar un modelo nuevo</source>
        <comment>triage.no_test_split</comment>
        <translation>The training data has no test split to check a new model on</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="394" />
        <source>No se pueden leer los datos de entrenamiento: {detail}</source>
        <comment>triage.unreadable</comment>
        <translation>Cannot read the triage training set: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="396" />
        <source>No se puede leer el corpus {path}: {detail}</source>
        <comment>triage.corpus_unreadable</comment>
        <translation>Cannot read the corpus {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="398" />
        <source>{path}:{line}: no es un elemento del corpus</source>
        <comment>triage.corpus_line</comment>
        <translation>{path}:{line}: not a corpus item</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="400" />
        <source>Ahora sondea @{account} otro puesto: este perdió su turno y no ha guardado nada de la última página</source>
        <comment>lease.lost</comment>
        <translation>Another desk now polls @{account}: this desk lost its turn and stored nothing of the last page</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="403" />
        <source>El turno de sondeo debe durar algo</source>
        <comment>lease.too_short</comment>
        <translation>The poller lease must last some time</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="405" />
        <source>La dirección de la base de datos está vacía</source>
        <comment>db.url_empty</comment>
        <translation>The database URL is empty</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="407" />
        <source>Dirección de base de datos no válida: se espera p. ej. sqlite:///ruta/mesa.db o postgresql+psycopg://usuario@servidor/base</source>
        <comment>db.url_invalid</comment>
        <translation>Invalid database URL: expected e.g. sqlite:///path/desk.db or postgresql+psycopg://user@host/dbname</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="413" />
        <source>El controlador de base de datos «{value}» no está instalado (para PostgreSQL: pip install 'jun-desk[postgres]')</source>
        <comment>db.driver_missing</comment>
        <translation>The database driver '{value}' is not installed (for PostgreSQL: pip install 'jun-desk[postgres]')</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="416" />
        <source>Configuración de la base de datos no válida: {detail}</source>
        <comment>db.settings_invalid</comment>
        <translation>Invalid database settings: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="418" />
        <source>No se puede crear la carpeta de la base de datos {path}: {detail}</source>
        <comment>db.folder</comment>
        <translation>Cannot create the folder for the database {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="420" />
        <source>Otro programa tiene bloqueada la base de datos{where}; cierre el otro Jun Desk o vuelva a intentarlo en un momento</source>
        <comment>db.locked</comment>
        <translation>The database is locked by another program{where}; close the other Jun Desk or try again in a moment</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="423" />
        <source>El archivo de la base de datos está dañado o no es de Jun Desk{where}</source>
        <comment>db.damaged</comment>
        <translation>The database file is damaged or is not a Jun Desk database{where}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="428" />
        <source>No se puede abrir el archivo de la base de datos{where}: revise la ruta y los permisos</source>
        <comment>db.cannot_open</comment>
        <translation>The database file cannot be opened{where}: check the path and permissions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="431" />
        <source>El disco está lleno{where}: libere espacio; no se ha guardado nada</source>
        <comment>db.disk_full</comment>
        <translation>The disk is full{where}: free some space; nothing was saved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="433" />
        <source>No se puede abrir la base de datos{where}: el servidor rechazó el usuario o la contraseña</source>
        <comment>db.login_refused</comment>
        <translation>Cannot open the database{where}: the server refused the user name or password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="439" />
        <source>No se puede abrir la base de datos{where}: no se llega al servidor</source>
        <comment>db.unreachable</comment>
        <translation>Cannot open the database{where}: the server cannot be reached</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="441" />
        <source>Error de la base de datos{where}: {detail}</source>
        <comment>db.error</comment>
        <translation>Database error{where}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="443" />
        <source>La base de datos está en la revisión {revision}, más nueva de lo que conoce este Jun Desk: instale el Jun Desk más nuevo que la creó</source>
        <comment>db.newer</comment>
        <translation>The database is at schema revision {revision}, newer than this Jun Desk knows: install the newer Jun Desk that created it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="452" />
        <source>Las copias de seguridad no están configuradas en este puesto</source>
        <comment>backup.not_configured</comment>
        <translation>Backups are not set up on this desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="455" />
        <source>El número de copias que se conservan debe ser al menos 1, no «{value}»</source>
        <comment>backup.keep_invalid</comment>
        <translation>The number of backups kept must be at least 1, not '{value}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="458" />
        <source>No se puede crear ni usar la carpeta de copias {path}: {detail}</source>
        <comment>backup.folder</comment>
        <translation>Cannot create or use the backups folder {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="460" />
        <source>Ya hay otra copia o restauración en marcha en {path}: inténtelo cuando termine</source>
        <comment>backup.busy</comment>
        <translation>Another backup or restore is running in {path}: try again when it ends</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="463" />
        <source>No se pudo escribir la copia en {path}: {detail}. Las copias anteriores siguen intactas</source>
        <comment>backup.write_failed</comment>
        <translation>The backup could not be written in {path}: {detail}. The earlier backups are untouched</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="466" />
        <source>No se pueden hacer copias de bases de datos «{value}»</source>
        <comment>backup.unsupported</comment>
        <translation>Backups of '{value}' databases are not supported</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="468" />
        <source>pg_dump no está instalado en este PC, así que el puesto no puede copiar la base de datos PostgreSQL: instale el cliente de PostgreSQL de la versión del servidor, o confíe en las copias del propio servidor de base de datos</source>
        <comment>backup.no_pg_dump</comment>
        <translation>pg_dump is not installed on this PC, so the desk cannot back up the PostgreSQL database: install the PostgreSQL client of the server's version, or rely on the database server's own backups</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="472" />
        <source>psql no está instalado en este PC, así que el puesto no puede restaurar la base de datos PostgreSQL: instale el cliente de PostgreSQL de la versión del servidor</source>
        <comment>backup.no_psql</comment>
        <translation>psql is not installed on this PC, so the desk cannot restore into the PostgreSQL database: install the PostgreSQL client of the server's version</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="476" />
        <source>pg_dump falló: {detail}</source>
        <comment>backup.pg_dump_failed</comment>
        <translation>pg_dump failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="478" />
        <source>La restauración falló y la base de datos quedó como estaba: {detail}</source>
        <comment>backup.restore_failed</comment>
        <translation>The restore failed and the database was left as it was: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="481" />
        <source>La copia no pasó la comprobación y no se ha conservado: {detail}</source>
        <comment>backup.verify_failed</comment>
        <translation>The backup did not pass its check and was not kept: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="484" />
        <source>El llavero de este PC no tiene clave de copias: ponga la clave con la que se hicieron (jun-desk db backup-key --set)</source>
        <comment>backup.key_missing</comment>
        <translation>This PC's keyring has no backup key: set the key the backups were made with (jun-desk db backup-key --set)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="487" />
        <source>Esa no es una clave de copias de Jun Desk (44 caracteres, como la muestra jun-desk db backup-key)</source>
        <comment>backup.key_invalid</comment>
        <translation>That is not a Jun Desk backup key (44 characters, as jun-desk db backup-key shows it)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="490" />
        <source>{path} no es una copia de seguridad de Jun Desk</source>
        <comment>backup.not_a_backup</comment>
        <translation>{path} is not a Jun Desk backup</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="492" />
        <source>No se puede leer la copia {path}: {detail}</source>
        <comment>backup.unreadable</comment>
        <translation>Cannot read the backup {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="494" />
        <source>La copia {path} se cifró con otra clave (clave {backup_key}; la de este PC es {desk_key}): ponga la correcta con jun-desk db backup-key --set. No se ha cambiado nada</source>
        <comment>backup.wrong_key</comment>
        <translation>The backup {path} was encrypted with another key (key {backup_key}; this PC's key is {desk_key}): set the right one with jun-desk db backup-key --set. Nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="498" />
        <source>La copia {path} está dañada o incompleta y no se puede restaurar. No se ha cambiado nada</source>
        <comment>backup.damaged</comment>
        <translation>The backup {path} is damaged or incomplete and cannot be restored. Nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="501" />
        <source>Esa copia es de una base de datos {backup}; la de este puesto es {database}. No se ha cambiado nada</source>
        <comment>backup.other_kind</comment>
        <translation>That backup is of a {backup} database; this desk's database is {database}. Nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="504" />
        <source>Un puesto sigue consultando X en esta base de datos ({holder}): cierre todos los puestos antes de restaurar. No se ha cambiado nada</source>
        <comment>backup.desks_open</comment>
        <translation>A desk still polls X on this database ({holder}): close every desk before restoring. Nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="507" />
        <source>La copia está en la revisión de esquema {revision} (Jun Desk {version}), más nueva de lo que este Jun Desk conoce: instale esa versión para restaurarla. No se ha cambiado nada</source>
        <comment>backup.newer</comment>
        <translation>The backup is at schema revision {revision} (Jun Desk {version}), newer than this Jun Desk knows: install that version to restore it. Nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="511" />
        <source>No hay ningún llavero donde guardar las credenciales de X. En Linux instale e inicie un Secret Service (p. ej. `sudo apt-get install gnome-keyring`) y desbloquéelo, o use Jun Desk con el simulador: `jun-desk --sandbox`.</source>
        <comment>keyring.missing</comment>
        <translation>No keyring is available to keep the X credentials. On Linux install and start a Secret Service (e.g. `sudo apt-get install gnome-keyring`) and unlock it, or run Jun Desk on the sandbox with `jun-desk --sandbox`.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="515" />
        <source>El llavero se negó a dar las credenciales: {detail}</source>
        <comment>keyring.refused_read</comment>
        <translation>The keyring refused to give the credentials: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="517" />
        <source>El llavero se negó a guardar las credenciales: {detail}</source>
        <comment>keyring.refused_store</comment>
        <translation>The keyring refused to store the credentials: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="41" />
        <source>Un ticket necesita a alguien asignado antes de estar «{target}»</source>
        <comment>move.needs_assignee</comment>
        <translation>A ticket needs an assignee before it can be '{target}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="46" />
        <source>{username} ({role}) no puede {permission}: pídaselo a un supervisor</source>
        <comment>permission.denied</comment>
        <translation>{username} ({role}) may not {permission}: ask a supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="55" />
        <source>{username} ({role}) no puede aprobar moderaciones: pídaselo a un supervisor</source>
        <comment>permission.moderation_approve</comment>
        <translation>{username} ({role}) may not approve moderation: ask a supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="75" />
        <source>El ticket #{ticket} está «{status}»: reábralo antes de asignarlo</source>
        <comment>ticket.closed_assign</comment>
        <translation>Ticket #{ticket} is {status}: reopen it before assigning it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="84" />
        <source>El ticket #{ticket} se fusionó con el #{target_ticket}: reabra ese</source>
        <comment>ticket.reopen_merged</comment>
        <translation>Ticket #{ticket} was merged into #{target_ticket}: reopen that one</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="93" />
        <source>Otra persona acaba de cambiar el ticket #{ticket}. No se ha sobrescrito nada: el ticket se muestra como está ahora; repita la acción si sigue haciendo falta.</source>
        <comment>ticket.conflict</comment>
        <translation>Ticket #{ticket} was changed by someone else. Nothing was overwritten: reload the ticket and try again.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="177" />
        <source>Nombre de usuario no válido «{username}»: de 2 a 64 letras, cifras, «.», «-» o «_»</source>
        <comment>operator.bad_name</comment>
        <translation>Invalid user name '{username}': 2-64 letters, digits, '.', '-' or '_'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="182" />
        <source>El usuario del sistema {system_user} ya está asociado a {username}</source>
        <comment>operator.system_user_taken</comment>
        <translation>The system user {system_user} is already bound to {username}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="187" />
        <source>{username} aún no tiene contraseña: escriba el código de primer acceso que le dio un supervisor.</source>
        <comment>sign_in.no_password</comment>
        <translation>{username} has no password yet: type the first-access code a supervisor gave you</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="190" />
        <source>El código de primer acceso de {username} es correcto: elija ahora su contraseña.</source>
        <comment>sign_in.choose_password</comment>
        <translation>The first-access code of {username} is right: choose a password now</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="193" />
        <source>{username} no tiene contraseña ni código de primer acceso: pida uno a un supervisor.</source>
        <comment>sign_in.no_code</comment>
        <translation>{username} has no password and no first-access code: ask a supervisor for one</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="196" />
        <source>El código de primer acceso de {username} ha caducado: pida uno nuevo a un supervisor.</source>
        <comment>sign_in.code_expired</comment>
        <translation>The first-access code of {username} has expired: ask a supervisor for a new one</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="199" />
        <source>Un código de primer acceso vale más de 0 y como máximo {limit} horas.</source>
        <comment>operator.code_hours</comment>
        <translation>A first-access code is valid for more than 0 and at most {limit} hours</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="208" />
        <source>La contraseña es demasiado larga (como máximo {limit} caracteres)</source>
        <comment>sign_in.too_long</comment>
        <translation>The password is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="213" />
        <source>La contraseña actual no es correcta: no se ha cambiado nada.</source>
        <comment>password.wrong_current</comment>
        <translation>The current password is wrong: nothing was changed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="218" />
        <source>La contraseña es demasiado larga (como máximo {limit} caracteres)</source>
        <comment>password.too_long</comment>
        <translation>The password is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="263" />
        <source>El ticket #{ticket} no tiene ninguna mención a la que responder: envíe un DM</source>
        <comment>outbox.no_mention</comment>
        <translation>Ticket #{ticket} has no mention to reply to: send a DM instead</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="268" />
        <source>La conversación {conversation} no tiene ningún mensaje de un vecino al que contestar</source>
        <comment>outbox.no_incoming</comment>
        <translation>Conversation {conversation} has no message from a citizen to answer</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="319" />
        <source>El ticket #{ticket} es de otra persona, no de @{handle}, con quien es esta conversación: no se ha enviado nada. Confirme que el DM debe ir a @{handle}.</source>
        <comment>dm.other_nobody</comment>
        <translation>Ticket #{ticket} is someone else's, not @{handle}'s, whom this conversation is with: nothing was sent. Confirm the DM is for @{handle}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="325" />
        <source>No está el elemento {items} en la lista de los que no se pudieron leer</source>
        <comment>quarantine.not_found</comment>
        <translation>No item {items} in the list of items that could not be read</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="330" />
        <source>Nada que deshacer: no hay ninguna acción de {move} vigente sobre {target_id}</source>
        <comment>moderation.nothing_in_force</comment>
        <translation>Nothing to undo: no {move} in force on {target_id}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="340" />
        <source>La moderación #{number} está {state}: no hay nada que deshacer</source>
        <comment>moderation.not_applied</comment>
        <translation>Moderation action #{number} is {state}: there is nothing to undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="348" />
        <source>Acción de moderación desconocida «{value}» (válidas: {moves})</source>
        <comment>moderation.unknown_action</comment>
        <translation>Unknown moderation action '{value}' (valid: {moves})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="351" />
        <source>«{value}» no es un motivo de las normas de moderación (válidos: {reasons})</source>
        <comment>moderation.unknown_reason</comment>
        <translation>'{value}' is not a reason of the moderation policy (valid: {reasons})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="359" />
        <source>El presupuesto debe ser una cantidad en dólares, no «{monthly}» / «{daily}»</source>
        <comment>budget.not_amount</comment>
        <translation>The budget must be an amount in dollars, not '{monthly}' / '{daily}'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="391" />
        <source>La mesa ya usa el modelo de clasificación de serie: no hay nada que deshacer</source>
        <comment>triage.nothing_to_roll_back</comment>
        <translation>The desk already uses the shipped triage model: nothing to roll back</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="410" />
        <source>Tipo de base de datos no admitido «{value}»: use sqlite o postgresql+psycopg</source>
        <comment>db.unsupported</comment>
        <translation>Unsupported database type '{value}': use sqlite or postgresql+psycopg</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="425" />
        <source>La base de datos es de solo lectura{where}: revise los permisos del archivo</source>
        <comment>db.read_only</comment>
        <translation>The database is read-only{where}: check the file's permissions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="436" />
        <source>No se puede abrir la base de datos{where}: esa base de datos no existe</source>
        <comment>db.no_such_database</comment>
        <translation>Cannot open the database{where}: that database does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="446" />
        <source>La actualización en directo no está disponible con bases de datos «{value}»</source>
        <comment>db.no_live</comment>
        <translation>Live refresh is not available on '{value}' databases</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="449" />
        <source>Solo una base de datos de servidor (PostgreSQL) tiene contraseña</source>
        <comment>db.password_only_server</comment>
        <translation>Only a server database (PostgreSQL) has a password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="519" />
        <source>El llavero se negó a guardar la contraseña de la base de datos: {detail}</source>
        <comment>keyring.refused_db_password</comment>
        <translation>The keyring refused to store the database password: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="522" />
        <source>No hay credenciales de X para @{account} en el llavero (faltan: {names}): ejecute `jun-desk credentials set`</source>
        <comment>credentials.missing</comment>
        <translation>No X credentials for @{account} in the keyring (missing: {names}): run `jun-desk credentials set`</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="525" />
        <source>Credenciales vacías: {names}; no se ha guardado nada</source>
        <comment>credentials.empty</comment>
        <translation>Empty credential values: {names}; nothing was stored</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="527" />
        <source>No está en los servidores de imágenes de X</source>
        <comment>media.not_x_host</comment>
        <translation>Not on X's media hosts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="529" />
        <source>No es una imagen ({content_type})</source>
        <comment>media.not_image</comment>
        <translation>Not an image ({content_type})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="531" />
        <source>Ocupa más de {megabytes} MB</source>
        <comment>media.too_large</comment>
        <translation>Larger than {megabytes} MB</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="533" />
        <source>Demasiado grande para mostrarla sin riesgo ({width} x {height} píxeles)</source>
        <comment>media.too_many_pixels</comment>
        <translation>Too large to show safely ({width} x {height} pixels)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="536" />
        <source>No es una imagen que la mesa pueda mostrar (PNG, JPEG, GIF o WebP)</source>
        <comment>media.unknown_format</comment>
        <translation>Not an image the desk can show (PNG, JPEG, GIF or WebP)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="539" />
        <source>Un archivo {format} dañado</source>
        <comment>media.broken</comment>
        <translation>A broken {format} file</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="541" />
        <source>Un archivo {format} incompleto</source>
        <comment>media.cut_short</comment>
        <translation>A {format} file cut short</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="543" />
        <source>X respondió {answer} a la descarga</source>
        <comment>media.http</comment>
        <translation>X answered {answer} to the download</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="545" />
        <source>La descarga falló ({detail})</source>
        <comment>media.network</comment>
        <translation>The download failed ({detail})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="547" />
        <source>X no dio ninguna imagen de este adjunto</source>
        <comment>media.no_image</comment>
        <translation>X gave no image for it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="549" />
        <source>No se puede guardar la foto en la caché ({detail})</source>
        <comment>media.cache_write</comment>
        <translation>The photo cannot be written to the cache ({detail})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="551" />
        <source>X rechazó las credenciales (401): revise las claves en la configuración</source>
        <comment>x.auth</comment>
        <translation>X rejected the credentials (401): check the keys in the settings</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="553" />
        <source>X denegó la petición (403){detail}</source>
        <comment>x.forbidden</comment>
        <translation>X refused the request (403){detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="555" />
        <source>X no encuentra ese elemento o usuario (404){detail}</source>
        <comment>x.not_found</comment>
        <translation>X does not know that item or user (404){detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="557" />
        <source>X rechazó la petición por no válida (400){detail}</source>
        <comment>x.bad_request</comment>
        <translation>X refused the request as invalid (400){detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="559" />
        <source>Límite de peticiones de X alcanzado: se espera {wait}</source>
        <comment>x.rate_limited</comment>
        <translation>X rate limit reached: waiting {wait}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="561" />
        <source>Límite de peticiones de X alcanzado: se reintentará cuando X lo permita</source>
        <comment>x.rate_limited_now</comment>
        <translation>X rate limit reached: retrying when X allows it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="564" />
        <source>Se alcanzó el límite de publicaciones de X en 24 horas: se podrá publicar de nuevo a las {when}</source>
        <comment>x.daily_cap</comment>
        <translation>X's 24-hour posting limit reached: posting resumes at {when}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="567" />
        <source>X tiene problemas ({status}); se reintentará en breve</source>
        <comment>x.server</comment>
        <translation>X is having trouble ({status}); retrying shortly</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="569" />
        <source>X no respondió a tiempo; se reintentará en breve</source>
        <comment>x.timeout</comment>
        <translation>X did not answer in time; retrying shortly</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="571" />
        <source>No se puede conectar con X ({network}); revise la red</source>
        <comment>x.network</comment>
        <translation>Cannot reach X ({network}); check the network</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="573" />
        <source>X envió una respuesta ilegible; se reintentará en breve</source>
        <comment>x.malformed</comment>
        <translation>X sent an answer that cannot be read; retrying shortly</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="575" />
        <source>X rechaza las peticiones: se agotaron los créditos de la API de la cuenta ({status}). Alguien debe añadir créditos en la Developer Console de X; Jun Desk vuelve a comprobarlo cada hora</source>
        <comment>x.credits</comment>
        <translation>X refuses requests: the account's API credits are spent ({status}). A person must add credits in X's Developer Console; Jun Desk checks again once an hour</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="579" />
        <source>Se ha detenido la lectura de {stream} en la página {page}: X ha vuelto a dar una marca de página que ya había dado. Lo leído se conserva; el próximo sondeo lee de nuevo desde el último punto guardado</source>
        <comment>x.walk_repeated</comment>
        <translation>The {stream} walk stopped at page {page}: X gave again a page token it had already given. What was read is kept; the next poll reads again from the last stored point</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="583" />
        <source>Se ha detenido la lectura de {stream} en la página {page}: las páginas de X no traen nada nuevo. Lo leído se conserva; el próximo sondeo lee de nuevo desde el último punto guardado</source>
        <comment>x.walk_no_progress</comment>
        <translation>The {stream} walk stopped at page {page}: X's pages bring nothing new. What was read is kept; the next poll reads again from the last stored point</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="587" />
        <source>Se ha detenido la lectura de {stream} en la página {page}: X ha enviado más de lo que guarda ({limit}). Lo leído se conserva</source>
        <comment>x.walk_limit</comment>
        <translation>The {stream} walk stopped at page {page}: X sent more than it keeps ({limit}). What was read is kept</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="590" />
        <source>X respondió a una consulta de {stream} con elementos que no se le pidieron (una respuesta repetida): no se usa; se pregunta de nuevo en el próximo sondeo</source>
        <comment>x.lookup_unasked</comment>
        <translation>X answered a {stream} lookup with items it was not asked for (a repeated answer): not used; asked again at the next poll</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="594" />
        <source>El archivo del menú está vacío: necesita una línea de cabecera y una línea por día</source>
        <comment>menu.empty</comment>
        <translation>The menu file is empty: it needs a header line and one line per day</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="597" />
        <source>La línea {line} del menú no se puede leer como CSV (¿unas comillas sin cerrar?)</source>
        <comment>menu.unreadable</comment>
        <translation>Line {line} of the menu cannot be read as CSV (a quote left open?)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="600" />
        <source>Línea {line}: el menú no tiene la columna «{column}» (columnas encontradas: {columns})</source>
        <comment>menu.column_missing</comment>
        <translation>Line {line}: the menu has no '{column}' column (columns found: {columns})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="603" />
        <source>Línea {line}, columna «{column}»: «{value}» no es una fecha (escríbala como dd/mm/aaaa o aaaa-mm-dd)</source>
        <comment>menu.bad_date</comment>
        <translation>Line {line}, column '{column}': '{value}' is not a date (write it as dd/mm/yyyy or yyyy-mm-dd)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="606" />
        <source>Línea {line}, columna «{column}»: el día de la semana de «{value}» no es el de esa fecha</source>
        <comment>menu.weekday_mismatch</comment>
        <translation>Line {line}, column '{column}': the weekday in '{value}' is not that date's</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="609" />
        <source>Línea {line}, columna «{column}»: {value} ya está en la línea {first_line}</source>
        <comment>menu.day_twice</comment>
        <translation>Line {line}, column '{column}': {value} is already on line {first_line}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="612" />
        <source>Línea {line}, columna «{column}»: alérgeno desconocido «{value}» (escriba los números 1-14 de la UE o sus nombres)</source>
        <comment>menu.allergen_unknown</comment>
        <translation>Line {line}, column '{column}': unknown allergen '{value}' (write the EU's numbers 1-14 or their names)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="615" />
        <source>Línea {line}, columna «{column}»: el día no tiene platos</source>
        <comment>menu.dishes_missing</comment>
        <translation>Line {line}, column '{column}': the day has no dishes</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="617" />
        <source>Línea {line}: los platos del día son demasiado largos para una publicación ({length} de {limit} caracteres)</source>
        <comment>menu.day_too_long</comment>
        <translation>Line {line}: the day's dishes are too long for one post ({length} of {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="620" />
        <source>No se puede leer el archivo del menú {path}: {detail}</source>
        <comment>menu.file_unreadable</comment>
        <translation>The menu file {path} cannot be read: {detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="622" />
        <source>El archivo del menú {path} es demasiado grande para un menú (más de {limit} bytes)</source>
        <comment>menu.file_too_large</comment>
        <translation>The menu file {path} is too large for a menu (more than {limit} bytes)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="625" />
        <source>Idioma del menú desconocido «{value}» (válidos: {languages})</source>
        <comment>menu.language_unknown</comment>
        <translation>Unknown menu language '{value}' (valid: {languages})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="628" />
        <source>El aviso #{notice} no existe</source>
        <comment>notice.not_found</comment>
        <translation>Notice #{notice} does not exist</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="630" />
        <source>Tipo de aviso desconocido «{value}» (válidos: {kinds})</source>
        <comment>notice.kind_unknown</comment>
        <translation>Unknown kind of notice '{value}' (valid: {kinds})</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="632" />
        <source>El aviso necesita una calle</source>
        <comment>notice.street_missing</comment>
        <translation>The notice needs a street</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="634" />
        <source>La calle es demasiado larga (como mucho {limit} caracteres)</source>
        <comment>notice.street_too_long</comment>
        <translation>The street is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="637" />
        <source>El «hasta» del aviso debe ser posterior a su «desde»</source>
        <comment>notice.ends_before</comment>
        <translation>The notice's 'to' must come after its 'from'</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="639" />
        <source>El texto del aviso es demasiado largo para una publicación ({length} de {limit} caracteres): acorte la calle</source>
        <comment>notice.too_long</comment>
        <translation>The notice's text is too long for one post ({length} of {limit} characters): shorten the street</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="642" />
        <source>El ticket #{ticket} está «{status}»: solo se vinculan a un aviso tickets abiertos</source>
        <comment>notice.ticket_closed</comment>
        <translation>Ticket #{ticket} is {status}: only open tickets are linked to a notice</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="645" />
        <source>El ticket #{ticket} es de «{department}», no del departamento del aviso</source>
        <comment>notice.ticket_department</comment>
        <translation>Ticket #{ticket} is of '{department}', not of the notice's department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="648" />
        <source>{username} ({role}) no puede publicar un aviso: pídaselo a un supervisor</source>
        <comment>notice.publish_supervisor</comment>
        <translation>{username} ({role}) may not publish a notice: ask a supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="651" />
        <source>El aviso #{notice} ya está publicado</source>
        <comment>notice.published</comment>
        <translation>Notice #{notice} is published already</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="653" />
        <source>Un archivo de Jun Desk no se puede usar (reinstale o revise la configuración): {detail}</source>
        <comment>resource.invalid</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="661" />
        <source>crear tickets</source>
        <translation>create tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="662" />
        <source>trabajar tickets</source>
        <translation>work on tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="663" />
        <source>tomar tickets</source>
        <translation>take tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="664" />
        <source>fusionar tickets</source>
        <translation>merge tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="665" />
        <source>pasar tickets a otro departamento</source>
        <translation>move tickets to another department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="666" />
        <source>asignar tickets a otras personas</source>
        <translation>assign tickets to other people</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="667" />
        <source>verificar vecinos como residentes</source>
        <translation>verify citizens as residents</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="668" />
        <source>cambiar las reglas de clasificación</source>
        <translation>edit triage rules</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="669" />
        <source>gestionar operadores</source>
        <translation>manage operators</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="670" />
        <source>fijar el presupuesto de X</source>
        <translation>set the X budget</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="671" />
        <source>gestionar los datos personales de los vecinos (conservación, retención legal, acceso y borrado)</source>
        <translation>manage citizens' personal data (retention, legal hold, access and erasure)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="674" />
        <source>gestionar las cuentas del personal y las búsquedas vigiladas</source>
        <translation>manage staff accounts and watched searches</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="676" />
        <source>redactar anuncios del ayuntamiento</source>
        <translation>draft the town's announcements</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="677" />
        <source>aprobar, programar o publicar anuncios del ayuntamiento</source>
        <translation>approve, schedule or publish the town's announcements</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="683" />
        <source>ocultar</source>
        <translation>hide</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="683" />
        <source>silenciar</source>
        <translation>mute</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="684" />
        <source>borrar</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="688" />
        <source>propuesta</source>
        <translation>proposed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="689" />
        <source>aplicada</source>
        <translation>applied</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="690" />
        <source>rechazada</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="691" />
        <source>deshecha</source>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="710" />
        <source>borrador</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="711" />
        <source>pendiente de aprobación</source>
        <translation>pending approval</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="712" />
        <source>aprobado</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="713" />
        <source>programado</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="714" />
        <source>publicándose</source>
        <translation>publishing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="715" />
        <source>publicado</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="716" />
        <source>publicado en parte</source>
        <translation>published in part</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="717" />
        <source>devuelto</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="718" />
        <source>cancelado</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="722" />
        <source>enviar a aprobar</source>
        <translation>submit</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="723" />
        <source>aprobar</source>
        <translation>approve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="724" />
        <source>devolver</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="725" />
        <source>programar</source>
        <translation>schedule</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="726" />
        <source>publicar</source>
        <translation>publish</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="727" />
        <source>editar</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="728" />
        <source>cancelar</source>
        <translation>cancel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="729" />
        <source>reintentar</source>
        <translation>retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="730" />
        <source>detener el hilo</source>
        <translation>stop the thread</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="734" />
        <source>conexión rechazada</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="735" />
        <source>conexión cortada</source>
        <translation>connection dropped</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="736" />
        <source>servidor desconocido</source>
        <translation>unknown host</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="737" />
        <source>conexión fallida</source>
        <translation>connection failed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="742" />
        <source>menciones</source>
        <translation>mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="743" />
        <source>mensajes directos</source>
        <translation>DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="744" />
        <source>usuarios</source>
        <translation>users</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="745" />
        <source>tweets</source>
        <translation>tweets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/error_texts.py" line="878" />
        <source>No se ha hecho (%s): %s</source>
        <translation>Not done (%s): %s</translation>
    </message>
</context>
<context>
    <name>FeedDelegate</name>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="176" />
        <source>▴ ver menos</source>
        <translation>▴ show less</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="177" />
        <source>… ver más</source>
        <translation>… show more</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="325" />
        <source>✔ vecino verificado</source>
        <translation>✔ verified resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="237" />
        <location filename="../../jun_desk/ui/feed/delegate.py" line="388" />
        <source>adjuntos: %d</source>
        <translation>attachments: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="383" />
        <source>para @%s</source>
        <translation>for @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="385" />
        <source>búsqueda</source>
        <translation>search</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="391" />
        <source>editado</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="393" />
        <source>ticket #%d</source>
        <translation>ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="395" />
        <source>atendido</source>
        <translation>handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="428" />
        <source>⚠ Datos personales en público (%s): mejor seguir por DM</source>
        <translation>⚠ Personal data in public (%s): better continue by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="436" />
        <source>Privado, contiene datos personales (%s)</source>
        <translation>Private, contains personal data (%s)</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="79" />
        <source>Todos los departamentos</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="82" />
        <source>Solo sin atender</source>
        <translation>Unhandled only</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="85" />
        <source>Buscar…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="133" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="134" />
        <source>Añadir a ticket…</source>
        <translation>Add to ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="135" />
        <source>Responder</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="136" />
        <source>Abrir DM</source>
        <translation>Open DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="137" />
        <source>Marcar atendido</source>
        <translation>Mark handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="138" />
        <source>Abrir en X</source>
        <translation>Open on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="152" />
        <source>Ver fotos</source>
        <translation>View photos</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="254" />
        <source>No se pudo leer el feed</source>
        <translation>Could not read the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="324" />
        <source>No se pudieron leer los mensajes anteriores</source>
        <translation>Could not read the older messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="338" />
        <source>%d nuevos ↑</source>
        <translation>%d new ↑</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="412" />
        <source>Mensaje añadido al ticket #%d</source>
        <translation>Message added to ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="429" />
        <source>Ticket #%d creado en %s</source>
        <translation>Ticket #%d created in %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="434" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="440" />
        <source>Añadir a ticket</source>
        <translation>Add to ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="441" />
        <source>Número de ticket:</source>
        <translation>Ticket number:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="416" />
        <location filename="../../jun_desk/ui/feed/panel.py" line="447" />
        <source>No se pudo añadir</source>
        <translation>Could not add</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="461" />
        <source>No se pudo marcar</source>
        <translation>Could not mark</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../jun_desk/ui/file_dialogs.py" line="25" />
        <source>Buscar en:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/file_dialogs.py" line="26" />
        <source>Nombre del archivo:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/file_dialogs.py" line="27" />
        <source>Tipo de archivo:</source>
        <translation>File type:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/file_dialogs.py" line="29" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstCodeDialog</name>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="29" />
        <source>Código de primer acceso</source>
        <translation>First-access code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="34" />
        <source>El código sirve una sola vez y caduca en %d horas. Con él, la persona entra y elige su contraseña. Si ya tenía una, deja de valer.</source>
        <translation>The code works once and expires in %d hours. With it the person signs in and chooses their password. A password they had stops working.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="48" />
        <source>Emitir código</source>
        <translation>Issue code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="57" />
        <source>Operador</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="70" />
        <source>sin contraseña</source>
        <translation>no password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="81" />
        <source>Emitiendo…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="92" />
        <source>Código de %s, válido hasta el %s a las %s. Déselo en persona: no se volverá a mostrar.</source>
        <translation>Code for %s, valid until %s at %s. Give it to them in person: it will not be shown again.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/first_code_dialog.py" line="94" />
        <source>Código de primer acceso emitido para %s</source>
        <translation>First-access code issued for %s</translation>
    </message>
</context>
<context>
    <name>HoldBanner</name>
    <message>
        <location filename="../../jun_desk/ui/detail/hold.py" line="49" />
        <source>⚖ En retención legal (no se anonimiza ni se borra): %s</source>
        <translation>⚖ Under legal hold (neither anonymised nor erased): %s</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="207" />
        <source>Bloqueado tras %d min sin actividad.</source>
        <translation>Locked after %d min without activity.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="64" />
        <source>Nuevos</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="65" />
        <source>Asignados</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="66" />
        <source>En curso</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="67" />
        <source>Esperando al vecino</source>
        <translation>Waiting for resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="68" />
        <source>Resueltos</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="69" />
        <source>Cerrados</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="77" />
        <source>nuevo</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="78" />
        <source>asignado</source>
        <translation>assigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="79" />
        <source>en curso</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="80" />
        <source>esperando al vecino</source>
        <translation>waiting for resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="81" />
        <source>resuelto</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="82" />
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="88" />
        <source>operador/a</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="89" />
        <source>supervisor/a</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="97" />
        <source>teléfono</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="98" />
        <source>correo</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="99" />
        <source>cuenta bancaria</source>
        <translation>bank account</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="100" />
        <source>salud</source>
        <translation>health</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="106" />
        <source>Mención</source>
        <translation>Mention</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="107" />
        <source>DM del vecino</source>
        <translation>Resident's DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="108" />
        <source>Respuesta</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="109" />
        <source>DM enviado</source>
        <translation>DM sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="110" />
        <source>Respuesta del personal</source>
        <translation>Staff reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="126" />
        <source>menciones</source>
        <translation>mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="128" />
        <source>mensajes</source>
        <translation>messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="130" />
        <source>menciones de @%s</source>
        <translation>mentions of @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="132" />
        <source>menciones de la cuenta del personal %s</source>
        <translation>mentions of staff account %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="134" />
        <source>publicaciones de @%s</source>
        <translation>posts by @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="136" />
        <source>publicaciones de la cuenta del personal %s</source>
        <translation>posts of staff account %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="139" />
        <source>búsqueda «%s»</source>
        <translation>search “%s”</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="140" />
        <source>búsqueda n.º %s</source>
        <translation>search no. %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="145" />
        <source>pendiente</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="146" />
        <source>enviando</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="147" />
        <source>enviado</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="148" />
        <source>falló</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="149" />
        <source>retirado</source>
        <translation>withdrawn</translation>
    </message>
</context>
<context>
    <name>LegalHold</name>
    <message>
        <location filename="../../jun_desk/ui/detail/hold.py" line="64" />
        <source>Retención legal</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/hold.py" line="65" />
        <source>Ticket #%d: ¿qué ley o procedimiento obliga a conservarlo? (queda en el registro)</source>
        <translation>Ticket #%d: which law or proceedings require keeping it? (recorded in the audit)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/hold.py" line="81" />
        <source>Ticket #%d en retención legal</source>
        <translation>Ticket #%d placed under legal hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/hold.py" line="82" />
        <source>Ticket #%d ya no está en retención legal</source>
        <translation>Ticket #%d is no longer under legal hold</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/hold.py" line="84" />
        <source>No se pudo cambiar la retención legal</source>
        <translation>Could not change the legal hold</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="104" />
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="105" />
        <source>&amp;Sesión</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="106" />
        <source>&amp;Configuración</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="111" />
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="87" />
        <location filename="../../jun_desk/ui/main_window.py" line="142" />
        <source>Abriendo la mesa…</source>
        <translation>Opening the desk…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="107" />
        <source>&amp;Anuncios</source>
        <translation>A&amp;nnouncements</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="112" />
        <source>Acerca de Jun Desk</source>
        <translation>About Jun Desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="149" />
        <source>No se pudo abrir la mesa: %s</source>
        <translation>Could not open the desk: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="151" />
        <source>No se pudo abrir la mesa.</source>
        <translation>Could not open the desk.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="158" />
        <source>Error inesperado (%s); los detalles están en %s</source>
        <translation>Unexpected error (%s); the details are in %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="224" />
        <source>MODO FORMACIÓN: sin contraseñas</source>
        <translation>TRAINING MODE: no passwords</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="226" />
        <source>bloqueado</source>
        <translation>locked</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <location filename="../../jun_desk/ui/media/decode.py" line="80" />
        <source>imagen demasiado grande</source>
        <translation>image too large</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/decode.py" line="81" />
        <location filename="../../jun_desk/ui/media/decode.py" line="90" />
        <source>imagen no disponible</source>
        <translation>image not available</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/decode.py" line="87" />
        <source>aún no descargada</source>
        <translation>not downloaded yet</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/decode.py" line="89" />
        <source>no se pudo descargar</source>
        <translation>could not be downloaded</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="108" />
        <source>Foto del vecino</source>
        <translation>Resident's photo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="127" />
        <source>Imagen</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="152" />
        <source>◀ Anterior</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="153" />
        <source>Siguiente ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="154" />
        <source>Alejar</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="155" />
        <source>Acercar</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="157" />
        <source>Ajustar</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="158" />
        <source>Guardar como…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="159" />
        <source>Abrir en X</source>
        <translation>Open on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="173" />
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="176" />
        <source>Cerrar (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="190" />
        <source>Foto %d de %d</source>
        <translation>Photo %d of %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="192" />
        <source>Texto alternativo: %s</source>
        <translation>Alt text: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="212" />
        <source>Cargando…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="238" />
        <source>ver en X</source>
        <translation>watch on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="242" />
        <source>Ubicación de la foto: %s, %s</source>
        <translation>Where the photo was taken: %s, %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="244" />
        <source>abrir en mapa</source>
        <translation>open on the map</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="298" />
        <source>Guardar la foto</source>
        <translation>Save the photo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="300" />
        <source>Imágenes (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="300" />
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="317" />
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="322" />
        <source>Guardada en %s</source>
        <translation>Saved to %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="323" />
        <source>No se pudo guardar en %s</source>
        <translation>Could not save to %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="338" />
        <source>vídeo (vista previa)</source>
        <translation>video (preview)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/media/viewer.py" line="340" />
        <source>GIF animado (vista previa)</source>
        <translation>animated GIF (preview)</translation>
    </message>
</context>
<context>
    <name>MenuCsvDialog</name>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="56" />
        <source>Menú escolar desde CSV</source>
        <translation>School lunch menu from CSV</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="59" />
        <source>Un CSV o la exportación CSV de una hoja de cálculo, con las columnas día o fecha, primer plato, segundo plato, postre y alérgenos (números 1-14 o sus nombres). Se convierte en un hilo: el título, los días y la leyenda de alérgenos.</source>
        <translation>A CSV file or a spreadsheet's CSV export, with the columns day or date, first course, second course, dessert and allergens (numbers 1-14 or their names). It becomes a thread: the heading, the days and the allergen legend.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="66" />
        <source>Elegir archivo…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="69" />
        <source>Ningún archivo elegido</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="73" />
        <source>Idioma del hilo</source>
        <translation>Language of the thread</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="74" />
        <source>En español</source>
        <translation>In Spanish</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="75" />
        <source>En inglés</source>
        <translation>In English</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="87" />
        <source>Vista previa del hilo</source>
        <translation>Preview of the thread</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="91" />
        <source>Usar este hilo</source>
        <translation>Use this thread</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="106" />
        <source>Elegir el menú escolar</source>
        <translation>Choose the school lunch menu</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="108" />
        <source>CSV (*.csv *.txt);;Todos los archivos (*)</source>
        <translation>CSV (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="108" />
        <source>Abrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="152" />
        <source>Publicación %d de %d · %d/%d</source>
        <translation>Post %d of %d · %d/%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/menu_csv_dialog.py" line="158" />
        <source>Un hilo de %d publicaciones</source>
        <translation>A thread of %d posts</translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="21" />
        <source>Insulto</source>
        <translation>Insult</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="22" />
        <source>Amenaza</source>
        <translation>Threat</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="23" />
        <source>Odio</source>
        <translation>Hate</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="24" />
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="25" />
        <source>Datos personales de otros</source>
        <translation>Others' personal data</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="27" />
        <source>Publicidad</source>
        <translation>Advertising</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="41" />
        <source>enlace</source>
        <translation>link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="42" />
        <source>cuenta nueva con enlace</source>
        <translation>new account with a link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="43" />
        <source>avatar por defecto con enlace</source>
        <translation>default avatar with a link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="48" />
        <source>%d enlaces</source>
        <translation>%d links</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="50" />
        <source>texto repetido ×%d</source>
        <translation>same text ×%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="65" />
        <source>ocultar</source>
        <translation>hide</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="66" />
        <source>silenciar</source>
        <translation>mute</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/texts.py" line="67" />
        <source>borrar</source>
        <translation>delete</translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="103" />
        <source>Solo señaladas</source>
        <translation>Flagged only</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="106" />
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="108" />
        <source>Normas de moderación…</source>
        <translation>Moderation policy…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="172" />
        <source>Normas de moderación</source>
        <translation>Moderation policy</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="195" />
        <source>No se pudo leer la moderación</source>
        <translation>Could not read the moderation list</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="208" />
        <source>%(n)d respuestas señaladas en %(c)d conversaciones; %(p)d propuestas esperan a un supervisor. Una señal es una sugerencia: decide una persona, según las normas publicadas.</source>
        <translation>%(n)d flagged replies in %(c)d conversations; %(p)d proposals wait for a supervisor. A flag is a suggestion: a person decides, under the published policy.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="266" />
        <source> La petición que contenía es el ticket #%d.</source>
        <translation> The request it held is ticket #%d.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="284" />
        <source>Propuesta enviada: la aprueba un supervisor.</source>
        <translation>Proposal sent: a supervisor approves it.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="283" />
        <source>No se pudo proponer</source>
        <translation>Could not propose</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="293" />
        <source>Respuesta ocultada en X.</source>
        <translation>Reply hidden on X.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="294" />
        <source>Cuenta silenciada en X.</source>
        <translation>Account muted on X.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="297" />
        <location filename="../../jun_desk/ui/moderation/panel.py" line="324" />
        <source>X no lo ha hecho</source>
        <translation>X did not do it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="309" />
        <source>Respuesta visible de nuevo en X.</source>
        <translation>Reply visible again on X.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="310" />
        <source>Cuenta ya no silenciada.</source>
        <translation>Account no longer muted.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="312" />
        <source>No se pudo deshacer</source>
        <translation>Could not undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="325" />
        <source>Propuesta aprobada y hecha en X.</source>
        <translation>Proposal approved and done on X.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="335" />
        <source>Propuesta rechazada.</source>
        <translation>Proposal rejected.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="334" />
        <source>No se pudo rechazar</source>
        <translation>Could not reject</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="350" />
        <source>Ticket creado.</source>
        <translation>Ticket created.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/panel.py" line="349" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
</context>
<context>
    <name>NewTicketDepartmentPicker</name>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="179" />
        <source>El mensaje parece de %s, que usted no atiende. Cree el ticket en uno de sus departamentos, o pida a un supervisor que lo cree allí:</source>
        <translation>The message looks like one for %s, which you do not serve. Create the ticket in one of your departments, or ask a supervisor to create it there:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="181" />
        <source>Crear el ticket en:</source>
        <translation>Create the ticket in:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="182" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="225" />
        <source>Verificar a @%s por otro canal</source>
        <translation>Verify @%s by another channel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="226" />
        <source>¿Cómo se comprobó que es vecino? (padrón, llamada…; queda en el registro)</source>
        <translation>How was it checked that they live in Jun? (the census, padrón; a call…; kept in the log)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="228" />
        <source>Verificar</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="233" />
        <source>Revocar la verificación de @%s</source>
        <translation>Revoke the verification of @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="234" />
        <source>¿Por qué se revoca? (queda en el registro)</source>
        <translation>Why is it revoked? (kept in the log)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="235" />
        <source>Revocar</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="67" />
        <source>Aviso de corte u obra</source>
        <translation>Outage or works notice</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="71" />
        <source>Aviso:</source>
        <translation>Notice:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="73" />
        <source>Aviso</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="74" />
        <source>Nuevo aviso</source>
        <translation>New notice</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="81" />
        <source>Corte de agua</source>
        <translation>Water cut</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="82" />
        <source>Corte de luz</source>
        <translation>Power cut</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="83" />
        <source>Obras</source>
        <translation>Roadworks</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="86" />
        <source>p. ej. C/ Mayor</source>
        <translation>e.g. C/ Mayor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="103" />
        <source>Tipo:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="104" />
        <source>Calle:</source>
        <translation>Street:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="105" />
        <source>Desde (hora de Jun):</source>
        <translation>From (Jun time):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="106" />
        <source>Hasta (hora de Jun):</source>
        <translation>To (Jun time):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="107" />
        <source>Departamento:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="120" />
        <source>Crear el aviso y buscar tickets</source>
        <translation>Create the notice and find tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="125" />
        <source>Tickets abiertos que puede cubrir (mismo departamento, en torno a sus horas, que nombran la calle): marque los que cubre</source>
        <translation>Open tickets it may cover (same department, around its hours, naming the street): tick the ones it covers</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="130" />
        <source>Tickets que puede cubrir</source>
        <translation>Tickets it may cover</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="133" />
        <source>Vincular los marcados</source>
        <translation>Link the ticked ones</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="136" />
        <location filename="../../jun_desk/ui/notice_dialog.py" line="348" />
        <source>Responder a todos</source>
        <translation>Answer everyone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="173" />
        <source>Escriba la calle para ver el texto del aviso.</source>
        <translation>Type the street to see the notice's text.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="193" />
        <source>%s

Respuesta a los tickets: %s</source>
        <translation>%s

Answer to the tickets: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="208" />
        <source>#%d · %s

Respuesta a los tickets: %s</source>
        <translation>#%d · %s

Answer to the tickets: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="225" />
        <source>Vinculados: %d · por responder: %d</source>
        <translation>Linked: %d · to answer: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="226" />
        <source>Responder a todos (%d)…</source>
        <translation>Answer everyone (%d)…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="292" />
        <source>respondido</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="310" />
        <source>Ningún ticket abierto nombra esa calle por ahora</source>
        <translation>No open ticket names that street for now</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="349" />
        <source>Se responderá una vez a %d tickets vinculados, a cada vecino en su idioma, por la bandeja de salida.</source>
        <translation>%d linked tickets will be answered once, each citizen in their language, through the outbox.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="356" />
        <source>Responder a %d</source>
        <translation>Answer %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="358" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="387" />
        <source>Respondidos: %d</source>
        <translation>Answered: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/notice_dialog.py" line="389" />
        <source>sin responder ahora: %d (ya respondidos, cerrados o sin mención ni vecino)</source>
        <translation>not answered now: %d (answered already, closed, or with no mention nor citizen)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../jun_desk/ui/shell/notifications.py" line="42" />
        <source>desbloquee Jun Desk para verlo</source>
        <translation>unlock Jun Desk to see it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/notifications.py" line="54" />
        <source>URGENTE · Policía Local: %d aviso(s)</source>
        <translation>URGENT · Local Police: %d alert(s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/notifications.py" line="61" />
        <source>Policía Local: %d aviso(s) nuevo(s)</source>
        <translation>Local Police: %d new report(s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/notifications.py" line="65" />
        <source>Campaña #%s</source>
        <translation>Campaign #%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/notifications.py" line="66" />
        <source>%d menciones en la última hora (pico %d/h)</source>
        <translation>%d mentions in the last hour (peak %d/h)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="29" />
        <source>Restablecer una contraseña</source>
        <translation>Reset a password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="30" />
        <source>Cambiar mi contraseña</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="45" />
        <source>Operador</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="49" />
        <source>Contraseña actual</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="50" />
        <source>Nueva contraseña</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="51" />
        <source>Repítala</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="68" />
        <source>Las dos contraseñas no coinciden.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/password_dialog.py" line="88" />
        <source>Contraseña guardada para %s</source>
        <translation>Password saved for %s</translation>
    </message>
</context>
<context>
    <name>Pickers</name>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="209" />
        <source>Usted no puede crear tickets: pídaselo a un supervisor</source>
        <translation>You may not create tickets: ask a supervisor</translation>
    </message>
</context>
<context>
    <name>ProposalQueue</name>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="153" />
        <source>Propuesta</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="153" />
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="154" />
        <source>Propuesta por</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="154" />
        <source>Texto</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="157" />
        <source>Propuestas pendientes</source>
        <translation>Pending proposals</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="158" />
        <source>Aprobar</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="159" />
        <source>Rechazar</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="163" />
        <source>Propuestas pendientes de un supervisor</source>
        <translation>Proposals waiting for a supervisor</translation>
    </message>
</context>
<context>
    <name>QuarantinePanel</name>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="42" />
        <source>faltan el autor (author_id) y el texto</source>
        <translation>author_id and text missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="44" />
        <source>falta el autor (author_id)</source>
        <translation>author_id missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="46" />
        <source>falta el texto</source>
        <translation>text missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="47" />
        <source>falta el remitente (sender_id)</source>
        <translation>sender_id missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="49" />
        <source>falta la conversación (dm_conversation_id)</source>
        <translation>dm_conversation_id missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="51" />
        <source>el autor no es un id de usuario</source>
        <translation>author_id is not a user id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="53" />
        <source>sin id válido</source>
        <translation>no valid id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="54" />
        <source>no es un objeto JSON</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="56" />
        <source>pedido de nuevo por id: igual</source>
        <translation>read again by id: same</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="58" />
        <source>pedido de nuevo por id:</source>
        <translation>read again by id:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="60" />
        <source>volver a pedirlo a X falló:</source>
        <translation>reading it again from X failed:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="62" />
        <source>X no lo ha vuelto a servir</source>
        <translation>X did not serve it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="64" />
        <source>reintentado:</source>
        <translation>retried:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="83" />
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="83" />
        <source>Id de X</source>
        <translation>X id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="83" />
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="83" />
        <source>Visto por 1.ª vez</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="84" />
        <source>Última vez</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="84" />
        <source>Intentos</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="94" />
        <source>El JSON tal como lo envió X</source>
        <translation>The JSON as X sent it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="95" />
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="96" />
        <source>La próxima sincronización vuelve a pedirlo a X</source>
        <translation>The next sync asks X for it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="97" />
        <source>Descartar</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="98" />
        <source>Quitarlo de la lista (queda en el historial)</source>
        <translation>Take it off the list (it stays in the history)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="99" />
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="126" />
        <source>No se pudo leer la lista</source>
        <translation>Could not read the list</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="134" />
        <source>Menciones</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="134" />
        <source>Mensajes directos</source>
        <translation>Direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="136" />
        <source> (se reintentará)</source>
        <translation> (will be retried)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="150" />
        <source>%d elementos que X envió incompletos o ilegibles. Nada se descarta sin que un operador lo decida.</source>
        <translation>%d items X sent incomplete or unreadable. Nothing is dropped unless an operator decides so.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="152" />
        <source>Todo lo que X envió se ha podido leer.</source>
        <translation>Everything X sent could be read.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="170" />
        <source>No se pudo pedir el reintento</source>
        <translation>Could not ask for the retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="178" />
        <source>No se pudo descartar</source>
        <translation>Could not dismiss</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="181" />
        <source>%d elementos se volverán a pedir a X</source>
        <translation>%d items will be asked from X again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="186" />
        <source>%d elementos descartados</source>
        <translation>%d items dismissed</translation>
    </message>
</context>
<context>
    <name>Readable</name>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="19" />
        <source>baja</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="20" />
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="21" />
        <source>alta</source>
        <translation>high</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="22" />
        <source>URGENTE</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="36" />
        <source>ahora</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="39" />
        <source>hace %d min</source>
        <translation>%d min ago</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="42" />
        <source>hace %d h</source>
        <translation>%d h ago</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="43" />
        <source>hace %d d</source>
        <translation>%d d ago</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="55" />
        <source>ayer %s</source>
        <translation>yesterday %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="63" />
        <source>sin vecino</source>
        <translation>no resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="67" />
        <source>vecino verificado</source>
        <translation>verified resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="69" />
        <location filename="../../jun_desk/ui/readable.py" line="104" />
        <source>Prioridad: %s</source>
        <translation>Priority: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="72" />
        <source>Vecino: %s</source>
        <translation>Resident: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="73" />
        <source>Asignado a: %s</source>
        <translation>Assigned to: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="74" />
        <source>sin asignar</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="75" />
        <source>Mensajes: %d</source>
        <translation>Messages: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="76" />
        <source>Creado %s (%s)</source>
        <translation>Created %s (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="79" />
        <location filename="../../jun_desk/ui/readable.py" line="106" />
        <source>Fotos y vídeos: %d</source>
        <translation>Photos and videos: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="82" />
        <source>⚠ Contiene datos personales</source>
        <translation>⚠ Contains personal data</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="91" />
        <source>Mensaje directo</source>
        <translation>Direct message</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="92" />
        <source>Mención</source>
        <translation>Mention</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="97" />
        <source>para @%s</source>
        <translation>for @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="99" />
        <source>encontrado por una búsqueda</source>
        <translation>found by a search</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="109" />
        <source>ticket #%d</source>
        <translation>ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/readable.py" line="111" />
        <source>atendido</source>
        <translation>handled</translation>
    </message>
</context>
<context>
    <name>ReplyActions</name>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="39" />
        <source>Elija una respuesta</source>
        <translation>Choose a reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="50" />
        <source>Bloqueos: la API de X ya no permite bloquear ni desbloquear cuentas; se gestionan en x.com (%s).</source>
        <translation>Blocks: X's API no longer lets apps block or unblock accounts; they are managed on x.com (%s).</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="65" />
        <source>Texto de la respuesta elegida</source>
        <translation>Text of the chosen reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="66" />
        <source>Motivo según las normas</source>
        <translation>Reason under the policy</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="67" />
        <source>Nota para el registro</source>
        <translation>Note for the record</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="74" />
        <source>Nota para el registro (opcional)</source>
        <translation>Note for the record (optional)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="77" />
        <source>Motivo (normas):</source>
        <translation>Reason (policy):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="78" />
        <source>Nota:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="82" />
        <source>Proponer ocultar</source>
        <translation>Propose hiding</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="83" />
        <source>Proponer silenciar</source>
        <translation>Propose muting</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="84" />
        <source>Ocultar</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="85" />
        <source>Silenciar cuenta</source>
        <translation>Mute account</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="86" />
        <source>Deshacer</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="87" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="88" />
        <source>La respuesta pide algo: se atiende aunque se oculte</source>
        <translation>The reply asks for something: it is dealt with even if hidden</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/actions.py" line="124" />
        <source>Sin señales.</source>
        <translation>No flags.</translation>
    </message>
</context>
<context>
    <name>ReplyTree</name>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="49" />
        <source>Respuesta</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="49" />
        <source>Autor</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="49" />
        <source>Señales</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="50" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="58" />
        <source>Respuestas por conversación</source>
        <translation>Replies by conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="81" />
        <source>Publicación de @%s</source>
        <translation>Post of @%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="83" />
        <source>Hilo de @%s (X solo deja ocultar respuestas a las publicaciones propias)</source>
        <translation>Thread of @%s (X only lets an account hide replies to its own posts)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="86" />
        <location filename="../../jun_desk/ui/moderation/queue.py" line="94" />
        <source>Conversación %s</source>
        <translation>Conversation %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="89" />
        <source>%d señaladas</source>
        <translation>%d flagged</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="90" />
        <source>%d respuestas</source>
        <translation>%d replies</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="114" />
        <source>oculta</source>
        <translation>hidden</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="116" />
        <source>cuenta silenciada</source>
        <translation>account muted</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="119" />
        <source>propuesto: %s</source>
        <translation>proposed: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="122" />
        <source>ticket #%d</source>
        <translation>ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/moderation/queue.py" line="124" />
        <source>pide algo: crear ticket</source>
        <translation>asks for something: create a ticket</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="27" />
        <source>Resolver el ticket #%d</source>
        <translation>Resolve ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="29" />
        <source>¿Resolver el ticket #%d «%s»?</source>
        <translation>Resolve ticket #%d “%s”?</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="34" />
        <source>Avisar al vecino</source>
        <translation>Tell the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="39" />
        <source>Cómo avisar</source>
        <translation>How to tell them</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="41" />
        <source>Respuesta pública a su mención</source>
        <translation>Public reply to their mention</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="43" />
        <source>Mensaje directo</source>
        <translation>Direct message</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="45" />
        <source>en español</source>
        <translation>in Spanish</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="45" />
        <source>en inglés</source>
        <translation>in English</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="46" />
        <source>Respuesta preparada «Resuelto», %s (el idioma en que escribió el vecino):</source>
        <translation>Canned reply “Resolved”, %s (the language the resident wrote in):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="53" />
        <source>Texto para el vecino</source>
        <translation>Text for the resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="62" />
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="95" />
        <source>Resolver</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="90" />
        <source>La respuesta pasa de %d caracteres</source>
        <translation>The reply is over %d characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="92" />
        <source>El DM pasa de %d caracteres</source>
        <translation>The DM is over %d characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/resolve_dialog.py" line="94" />
        <source>Resolver y avisar</source>
        <translation>Resolve and tell them</translation>
    </message>
</context>
<context>
    <name>RouteChoices</name>
    <message>
        <location filename="../../jun_desk/ui/detail/choices.py" line="27" />
        <source>Sin clasificar. Probablemente:</source>
        <translation>Unclassified. Most likely:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/choices.py" line="31" />
        <source>Primer departamento probable</source>
        <translation>First likely department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/choices.py" line="31" />
        <source>Segundo departamento probable</source>
        <translation>Second likely department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/choices.py" line="53" />
        <location filename="../../jun_desk/ui/detail/choices.py" line="55" />
        <source>Llevar el ticket a %s</source>
        <translation>Send the ticket to %s</translation>
    </message>
</context>
<context>
    <name>SessionControl</name>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="40" />
        <source>Bloquear</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="46" />
        <source>Cambiar de operador…</source>
        <translation>Switch operator…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="48" />
        <source>Cambiar mi contraseña…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="50" />
        <source>Restablecer la contraseña de…</source>
        <translation>Reset the password of…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="52" />
        <source>Código de primer acceso para…</source>
        <translation>First-access code for…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/session.py" line="86" />
        <source>Las ventanas que estaban abiertas se cerraron sin hacer nada (como Cancelar).</source>
        <translation>The windows that were open were closed without doing anything (as Cancel).</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <location filename="../../jun_desk/ui/shell/settings_menu.py" line="32" />
        <source>Credenciales de &amp;X…</source>
        <translation>&amp;X credentials…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/settings_menu.py" line="36" />
        <source>&amp;Base de datos…</source>
        <translation>&amp;Database…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/settings_menu.py" line="38" />
        <source>&amp;Presupuesto de X…</source>
        <translation>X &amp;budget…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/settings_menu.py" line="40" />
        <source>Personal y &amp;búsquedas en X…</source>
        <translation>&amp;Staff and searches on X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/settings_menu.py" line="44" />
        <source>Datos de un &amp;vecino (privacidad)…</source>
        <translation>A &amp;citizen's data (privacy)…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/settings_menu.py" line="69" />
        <source>No se pudo leer el presupuesto de X</source>
        <translation>Could not read the X budget</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="194" />
        <source>Tablero y listas</source>
        <translation>Board and lists</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="196" />
        <source>Tarjeta o mensaje anterior o siguiente</source>
        <translation>Previous or next card or message</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="197" />
        <source>Columna anterior o siguiente del tablero</source>
        <translation>Previous or next board column</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="198" />
        <source>Abrir la tarjeta en el panel del ticket</source>
        <translation>Open the card in the ticket pane</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="199" />
        <source>Acciones de la tarjeta o el mensaje</source>
        <translation>Actions on the card or message</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="201" />
        <source>Redactar</source>
        <translation>Writing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="203" />
        <source>Salir del cuadro de texto al control siguiente o anterior</source>
        <translation>Leave the text box to the next or previous control</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="204" />
        <source>(en el texto)</source>
        <translation>(in the text)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="205" />
        <source>Deshacer lo escrito</source>
        <translation>Undo typing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="206" />
        <source>Alt + letra subrayada</source>
        <translation>Alt + underlined letter</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="207" />
        <source>Abrir un menú o pulsar un botón</source>
        <translation>Open a menu or press a button</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../jun_desk/ui/shortcuts.py" line="216" />
        <location filename="../../jun_desk/ui/shortcuts.py" line="220" />
        <source>Atajos de teclado</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="50" />
        <source>La contraseña está vacía.</source>
        <translation>The password is empty.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="51" />
        <source>La contraseña es demasiado larga (como máximo %d caracteres).</source>
        <translation>The password is too long (at most %d characters).</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="54" />
        <source>La contraseña contiene caracteres de control.</source>
        <translation>The password contains control characters.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="56" />
        <source>El PIN debe tener al menos 6 cifras, solo cifras.</source>
        <translation>The PIN must have at least 6 digits, digits only.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="58" />
        <source>La contraseña debe tener al menos 8 caracteres.</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="67" />
        <source>%d s</source>
        <translation>%d s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="68" />
        <source>%d min %02d s</source>
        <translation>%d min %02d s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="464" />
        <source>Esta mesa no tiene operadores todavía. Crea el primero con:

  jun-desk operators add NOMBRE --role supervisor --name "Nombre Apellido"

o abre Jun Desk con --sandbox para practicar.</source>
        <translation>This desk has no operators yet. Create the first one with:

  jun-desk operators add NAME --role supervisor --name "First Last"

or open Jun Desk with --sandbox to practise.</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="148" />
        <location filename="../../jun_desk/ui/sign_in.py" line="237" />
        <source>Entrar</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="158" />
        <location filename="../../jun_desk/ui/sign_in.py" line="231" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="160" />
        <source>Repítala</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="161" />
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="203" />
        <source>Entrar en Jun Desk</source>
        <translation>Sign in to Jun Desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="204" />
        <source>Jun Desk está bloqueado</source>
        <translation>Jun Desk is locked</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="205" />
        <source>Cambiar de operador</source>
        <translation>Switch operator</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="209" />
        <source>Modo formación (sandbox): basta con el nombre de usuario, sin contraseña: «formacion» (supervisor) o «practicas» (operador).</source>
        <translation>Training mode (sandbox): the user name is enough, no password: “formacion” (supervisor) or “practicas” (operator).</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="213" />
        <source>Escriba su contraseña para seguir, u otro usuario y su contraseña para cambiar de operador.</source>
        <translation>Type your password to go on, or another user name and password to switch operator.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="216" />
        <source>Escriba su usuario y su contraseña.</source>
        <translation>Type your user name and password.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="218" />
        <source>Entrar como el usuario del sistema (%s)</source>
        <translation>Sign in as the system user (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="230" />
        <source>Código de primer acceso</source>
        <translation>First-access code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="234" />
        <source>Nuevo PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="235" />
        <source>Nueva contraseña</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="236" />
        <source>Guardar y entrar</source>
        <translation>Save and sign in</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="269" />
        <source>Abriendo la base de datos…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="282" />
        <source>Escriba su nombre de usuario.</source>
        <translation>Type your user name.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="289" />
        <source>Las dos contraseñas no coinciden.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="322" />
        <source>Comprobando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="389" />
        <source>Ya puede volver a intentarlo.</source>
        <translation>You may try again now.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="401" />
        <source>Esta cuenta aún no tiene contraseña: escriba el código de primer acceso que le dio un supervisor.</source>
        <translation>This account has no password yet: type the first-access code a supervisor gave you.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="404" />
        <source>un PIN de al menos 6 cifras</source>
        <translation>a PIN of at least 6 digits</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="405" />
        <source>una contraseña de al menos 8 caracteres</source>
        <translation>a password of at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="406" />
        <source>Código correcto. Es su primer acceso: elija %s y escríbala dos veces.</source>
        <translation>Code accepted. This is your first sign-in: choose %s and type it twice.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="417" />
        <source>Demasiados intentos fallidos: espere %s y vuelva a intentarlo.</source>
        <translation>Too many failed attempts: wait %s and try again.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="424" />
        <source>Demasiados intentos fallidos: espere %s antes del siguiente.</source>
        <translation>Too many failed attempts: wait %s before the next one.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="411" />
        <source>Esta cuenta ya tiene contraseña: escríbala.</source>
        <translation>This account already has a password: type it.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="413" />
        <source>Escriba su nombre de usuario y su contraseña.</source>
        <translation>Type your user name and your password.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="415" />
        <source>Ningún operador está asociado a este usuario del sistema.</source>
        <translation>No operator is bound to this system user.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="419" />
        <source>La contraseña es demasiado larga (como máximo %d caracteres).</source>
        <translation>The password is too long (at most %d characters).</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="421" />
        <source>Código incorrecto.</source>
        <translation>Wrong code.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/sign_in.py" line="422" />
        <source>Usuario o contraseña incorrectos.</source>
        <translation>Wrong user name or password.</translation>
    </message>
</context>
<context>
    <name>SimilarDialog</name>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="230" />
        <location filename="../../jun_desk/ui/pickers.py" line="240" />
        <source>Tickets abiertos parecidos</source>
        <translation>Similar open tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="233" />
        <source>Hay tickets abiertos que pueden ser el mismo asunto que «%s»:</source>
        <translation>These open tickets may be the same matter as “%s”:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="254" />
        <source>&amp;Añadir al ticket elegido</source>
        <translation>&amp;Add to the chosen ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/pickers.py" line="256" />
        <source>&amp;Crear ticket nuevo</source>
        <translation>&amp;Create a new ticket</translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="72" />
        <source>Gasto en X por día este mes</source>
        <translation>X spend per day this month</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="92" />
        <source>Sin datos de gasto todavía</source>
        <translation>No spend figures yet</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="171" />
        <source>Presupuesto %s</source>
        <translation>Budget %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="177" />
        <source>Acumulado del mes</source>
        <translation>Month so far</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="178" />
        <source>Previsión</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="178" />
        <source>Presupuesto</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="179" />
        <source>Gasto del día (escala derecha)</source>
        <translation>Day's spend (right scale)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/costs_chart.py" line="180" />
        <source>Alerta diaria</source>
        <translation>Daily alert</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="77" />
        <source>Sin sincronizar</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="87" />
        <source>FORMACIÓN · sin contraseñas</source>
        <translation>TRAINING · no passwords</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="91" />
        <source>Base de datos: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="97" />
        <source>Elementos que X envió y no se pudieron leer</source>
        <translation>Items X sent that could not be read</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="117" />
        <source>No se pudo leer: %d</source>
        <translation>Could not be read: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="124" />
        <source>Conexión con la base de datos recuperada</source>
        <translation>Connection to the database restored</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="127" />
        <source>Sin conexión con la base de datos: %s. Reintentando automáticamente; lo que escriba se conserva, pero no se guardará hasta que vuelva la conexión.</source>
        <translation>No connection to the database: %s. Retrying automatically; what you type is kept, but it will not be saved until the connection is back.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="138" />
        <source>Salida: %d pendientes</source>
        <translation>Outbox: %d pending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="140" />
        <source>, %d fallidos</source>
        <translation>, %d failed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="147" />
        <source>Sincronizando con X…</source>
        <translation>Syncing with X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="151" />
        <source>Sondeo de X: este puesto</source>
        <translation>Polling X: this desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="153" />
        <source>Sondeo de X: %s</source>
        <translation>Polling X: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="155" />
        <source>Sondeo de X: nadie</source>
        <translation>Polling X: nobody</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="165" />
        <source>En espera: sondea %s</source>
        <translation>Standing by: %s polls</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="78" />
        <location filename="../../jun_desk/ui/shell/status.py" line="169" />
        <source>Última sincronización %s: %d nuevos</source>
        <translation>Last sync %s: %d new</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="172" />
        <source>, %d enviados</source>
        <translation>, %d sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="175" />
        <source>; %s: %s</source>
        <translation>; %s: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="192" />
        <source>Cupo X: %d/%d</source>
        <translation>X budget: %d/%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="196" />
        <source>Sincronización: %s</source>
        <translation>Sync: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="207" />
        <source>las menciones</source>
        <translation>the mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="207" />
        <source>los mensajes directos</source>
        <translation>the direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="208" />
        <source>No se pueden leer %s desde hace %d min: %s. Jun Desk sigue reintentando; lo demás llega con normalidad.</source>
        <translation>Cannot read %s for %d min: %s. Jun Desk keeps retrying; everything else arrives as usual.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="236" />
        <source>Sondeo de X en pausa: se alcanzó el presupuesto mensual (%s de %s). Se reanuda el %s a las 00:00 UTC o cuando un supervisor lo amplíe.</source>
        <translation>X polling paused: the monthly budget is spent (%s of %s). It resumes on %s at 00:00 UTC, or when a supervisor raises it.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="240" />
        <source>Las respuestas y los DM pendientes también esperan.</source>
        <translation>Queued replies and DMs wait too.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/status.py" line="242" />
        <source>Las respuestas y los DM pendientes sí se envían.</source>
        <translation>Queued replies and DMs still go out.</translation>
    </message>
</context>
<context>
    <name>StreamsDialog</name>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="51" />
        <source>Personal y búsquedas en X</source>
        <translation>Staff and searches on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="54" />
        <source>Las menciones de las cuentas del personal van a su departamento, y sus respuestas a un vecino se unen a su ticket. Los resultados de las búsquedas vigiladas llegan a la lista marcados como «búsqueda». X cobra cada lectura: antes de añadir se muestra el coste previsto al mes.</source>
        <translation>Mentions of staff accounts go to their department, and their replies to a resident join the resident's ticket. What watched searches find arrives in the feed marked “search”. X charges every read: the expected monthly cost is shown before anything is added.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="72" />
        <source>Sin conexión con X en este puesto</source>
        <translation>No connection to X on this desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="77" />
        <location filename="../../jun_desk/ui/streams_dialog.py" line="80" />
        <source>Cuentas del personal</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="92" />
        <source>p. ej. barrendero</source>
        <translation>e.g. street sweeper</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="93" />
        <source>Cuenta de X:</source>
        <translation>X account:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="94" />
        <source>Departamento:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="95" />
        <source>Cargo:</source>
        <translation>Job:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="98" />
        <source>Comprobar en X</source>
        <translation>Check on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="100" />
        <source>Añadir</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="103" />
        <source>Quitar la seleccionada</source>
        <translation>Remove the selected one</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="111" />
        <location filename="../../jun_desk/ui/streams_dialog.py" line="114" />
        <source>Búsquedas vigiladas</source>
        <translation>Watched searches</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="120" />
        <source>Búsqueda:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="123" />
        <source>Probar en X</source>
        <translation>Try on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="125" />
        <source>Vigilar</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="128" />
        <source>Dejar de vigilar la seleccionada</source>
        <translation>Stop watching the selected one</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="139" />
        <source>No se pudieron leer el personal y las búsquedas</source>
        <translation>Could not read the staff and searches</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="150" />
        <source>@%s · %s · %s · %d menciones en 7 días</source>
        <translation>@%s · %s · %s · %d mentions in 7 days</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="157" />
        <source>«%s» · %d publicaciones en 7 días</source>
        <translation>“%s” · %d posts in 7 days</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="171" />
        <source>coste previsto: %s al mes (unas %d publicaciones al día)</source>
        <translation>expected cost: %s a month (about %d posts a day)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="173" />
        <source>coste previsto: %s al mes (estimación por defecto: %d publicaciones al día, aún sin volumen conocido)</source>
        <translation>expected cost: %s a month (default estimate: %d posts a day, no volume known yet)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="192" />
        <source>Preguntando a X…</source>
        <translation>Asking X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="206" />
        <source>@%s (%s) existe en X; %s.</source>
        <translation>@%s (%s) exists on X; %s.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="222" />
        <source>@%s añadida: sus menciones se leen desde el próximo sondeo.</source>
        <translation>@%s added: its mentions are read from the next poll.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="246" />
        <source>Probando la búsqueda en X…</source>
        <translation>Trying the search on X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="261" />
        <source>X acepta la búsqueda (%d publicaciones encontradas); %s.</source>
        <translation>X accepts the search (%d posts found); %s.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/streams_dialog.py" line="275" />
        <source>Búsqueda «%s» vigilada desde el próximo sondeo.</source>
        <translation>Search “%s” watched from the next poll.</translation>
    </message>
</context>
<context>
    <name>TicketPicker</name>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="58" />
        <source>Vincular a ticket</source>
        <translation>Link to ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="62" />
        <source>Conversación con %s. Elige el ticket al que pertenece:</source>
        <translation>Conversation with %s. Choose the ticket it belongs to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="69" />
        <source>Buscar por ciudadano, título, palabras o número de ticket…</source>
        <translation>Search by citizen, title, words or ticket number…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="71" />
        <source>Buscar ticket</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="109" />
        <source>N.º</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="109" />
        <source>Ciudadano</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="109" />
        <source>Título</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="109" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="117" />
        <source>Tickets encontrados</source>
        <translation>Tickets found</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="83" />
        <source>Lo he comprobado: vincular de todos modos</source>
        <translation>I have checked: link anyway</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="89" />
        <source>Vincular</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="90" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="155" />
        <source>No se pudieron buscar los tickets</source>
        <translation>Could not search the tickets</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="174" />
        <source>Ningún ticket coincide.</source>
        <translation>No ticket matches.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="191" />
        <source>El ticket #%1 no es de %2, con quien es esta conversación.</source>
        <translation>Ticket #%1 is not %2's, whom this conversation is with.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="196" />
        <source>El ticket #%1 es de %2, no de %3, con quien es esta conversación. Sus datos no deben llegar a otra persona.</source>
        <translation>Ticket #%1 is %2's, not %3's, whom this conversation is with. Their details must not reach another person.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/ticket_picker.py" line="201" />
        <source>El ticket #%1 ya está %2.</source>
        <translation>Ticket #%1 is already %2.</translation>
    </message>
</context>
<context>
    <name>TriageMenu</name>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="32" />
        <source>&amp;Clasificación</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="34" />
        <source>Reentrenar con las correcciones del mostrador</source>
        <translation>Retrain with the desk's corrections</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="36" />
        <source>Volver al modelo anterior</source>
        <translation>Go back to the previous model</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="39" />
        <source>Enrutar automáticamente</source>
        <translation>Route by itself</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="44" />
        <source>Solo cuando es seguro (97 % de aciertos)</source>
        <translation>Only when it is safe (97 % right)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="45" />
        <source>Siempre el departamento más probable</source>
        <translation>Always the most likely department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="53" />
        <source>Por debajo del 97 % de aciertos el mensaje queda «sin clasificar» y la ficha ofrece los dos departamentos más probables</source>
        <translation>Below 97 % right the message stays “unclassified” and the card offers the two most likely departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="56" />
        <source>Como antes: casi todos los mensajes van a un departamento, acertando menos</source>
        <translation>As before: almost every message goes to a department, right less often</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="74" />
        <source>No se pudo leer cuándo se enruta solo</source>
        <translation>Could not read when triage routes by itself</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="91" />
        <source>Clasificación: se enruta solo lo seguro (97 % de aciertos); el resto queda sin clasificar con dos opciones</source>
        <translation>Triage: only what is safe is routed by itself (97 % right); the rest stays unclassified with two choices</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="94" />
        <source>Clasificación: cada mensaje va a su departamento más probable</source>
        <translation>Triage: every message goes to its most likely department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="98" />
        <source>No se pudo cambiar cuándo se enruta solo</source>
        <translation>Could not change when triage routes by itself</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="109" />
        <source>Reentrenando la clasificación…</source>
        <translation>Retraining triage…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="114" />
        <source>Nuevo modelo #%d en uso en todos los puestos: acierto %.1f %% (antes %.1f %%), %d correcciones</source>
        <translation>New model #%d in use on every desk: accuracy %.1f %% (was %.1f %%), %d corrections</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="119" />
        <source>Modelo nuevo rechazado: acierta %.1f %%, peor que el actual (%.1f %%)</source>
        <translation>New model refused: accuracy %.1f %%, worse than the current one (%.1f %%)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="125" />
        <source>No se pudo reentrenar</source>
        <translation>Could not retrain</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="132" />
        <source>Clasificación: en uso el modelo #%d</source>
        <translation>Triage: model #%d in use</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="133" />
        <source>Clasificación: en uso el modelo de fábrica</source>
        <translation>Triage: the shipped model in use</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/triage.py" line="137" />
        <source>No se pudo volver al modelo anterior</source>
        <translation>Could not go back to the previous model</translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="69" />
        <location filename="../../jun_desk/ui/urgency.py" line="130" />
        <source>Ver todos</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="71" />
        <source>Ver todos los avisos urgentes</source>
        <translation>Show all the urgent alerts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="73" />
        <source>Ver en el feed</source>
        <translation>Show in the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="74" />
        <source>Ver el aviso urgente en el feed</source>
        <translation>Show the urgent alert in the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="76" />
        <source>Cerrar aviso</source>
        <translation>Dismiss alert</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="78" />
        <source>Cerrar el aviso urgente</source>
        <translation>Dismiss the urgent alert</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="97" />
        <source>URGENTE · Policía Local: %d aviso(s)</source>
        <translation>URGENT · Local Police: %d alert(s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="99" />
        <source> de %d asunto(s)</source>
        <translation> about %d matter(s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="118" />
        <source>%s · %d avisos de %d vecino(s), el último de %s: %s</source>
        <translation>%s · %d alerts from %d neighbour(s), the latest from %s: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/urgency.py" line="130" />
        <source>Plegar</source>
        <translation>Fold</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="51" />
        <source>DNI</source>
        <translation>Spanish ID card (DNI)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="52" />
        <source>NIE</source>
        <translation>Foreigner ID (NIE)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="53" />
        <source>Pasaporte</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="54" />
        <source>Tarjeta de residencia</source>
        <translation>Residence card</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="55" />
        <source>Permiso de conducir</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="68" />
        <source>en el mostrador</source>
        <translation>at the counter</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="69" />
        <source>por otro canal</source>
        <translation>by another channel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="70" />
        <source>a mano</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="81" />
        <source>por DM</source>
        <translation>by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="82" />
        <source>por mención</source>
        <translation>by mention</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="83" />
        <source>en la mesa</source>
        <translation>at the desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="84" />
        <source>Pidió verificarse %s el %s: envíale el código</source>
        <translation>Asked to be verified %s on %s: send them the code</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="87" />
        <source>enviado</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="88" />
        <source>en la bandeja</source>
        <translation>in the outbox</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="90" />
        <source>Código %s el %s; caducó el %s</source>
        <translation>Code %s on %s; expired on %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="91" />
        <source>Código %s el %s; caduca el %s</source>
        <translation>Code %s on %s; expires on %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="94" />
        <source>Último código anulado tras %d intentos fallidos</source>
        <translation>Last code spent after %d wrong attempts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="97" />
        <source>Último código caducado sin usar</source>
        <translation>Last code expired unused</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="99" />
        <source>Verificación revocada por %s el %s</source>
        <translation>Verification revoked by %s on %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="108" />
        <location filename="../../jun_desk/ui/verification.py" line="120" />
        <source>Sin verificar como vecino de Jun</source>
        <translation>Not verified as a resident of Jun</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="111" />
        <source>✔ Vecino verificado por %s el %s, %s</source>
        <translation>✔ Resident verified by %s on %s, %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="114" />
        <source>Válido hasta el %s</source>
        <translation>Valid until %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="117" />
        <source>La verificación caducó el %s: el vecino debe verificarse de nuevo</source>
        <translation>The verification lapsed on %s: the resident must verify again</translation>
    </message>
</context>
<context>
    <name>VerifyBanner</name>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="269" />
        <source>Usar «cómo verificarse»</source>
        <translation>Use "how to verify"</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/verification.py" line="295" />
        <source>⚠ %s necesitan un vecino verificado, y @%s no lo está</source>
        <translation>⚠ %s need a verified resident, and @%s is not one</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../jun_desk/ui/shell/view_menu.py" line="30" />
        <source>Restablecer disposición</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/view_menu.py" line="33" />
        <source>No se pudo &amp;leer…</source>
        <translation>Could not be &amp;read…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/view_menu.py" line="36" />
        <source>&amp;Moderación…</source>
        <translation>&amp;Moderation…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/shell/view_menu.py" line="40" />
        <source>Sincronizar ahora</source>
        <translation>Sync now</translation>
    </message>
</context>
</TS>