import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { badInput, conflict, forbidden, groupedBy, notFound, TransactionService, type RequestContext } from '#app/core';
import { CommentOnLessonPlanInput } from './dto/lesson-prep.input';
import { LessonPlanComment, LessonPlanRevision } from './entities/lesson-prep.entity';
import { LessonPlanEventType, LessonPlanSection } from './enums';
import { LessonPrepAccess } from './lesson-prep-access';
import { lineCount } from './plan-diff';
import { PlanEventsService } from './plan-events.service';
import { PlanViewsService, type PlanView } from './plan-views.service';

/** Comments on a version of a plan (anchored to a section or content lines), one level of replies, resolving threads. */
@Injectable()
export class PlanCommentsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: LessonPrepAccess,
    private readonly views: PlanViewsService,
    private readonly events: PlanEventsService,
  ) {}

  comment(ctx: RequestContext, input: CommentOnLessonPlanInput): Promise<LessonPlanComment> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, input.planId, 'read');
      const rev = await tx.em.findOneBy(LessonPlanRevision, { planId: a.plan.id, version: input.version });
      if (!rev || (!a.drafts && !rev.publishedAt)) throw badInput('version', a.drafts ? { zh: `该教案的版本为第 1 至第 ${a.plan.version} 版`, en: `The plan has versions 1 to ${a.plan.version}` } : { zh: '请评论已发布的版本', en: 'Comment on a published version' });
      let parentId: string | null = null;
      if (input.parentId) {
        const parent = await tx.em.findOneBy(LessonPlanComment, { id: input.parentId, planId: a.plan.id });
        if (!parent) throw badInput('parentId', { zh: '该教案中没有这条评论', en: 'No such comment on this plan' });
        if (parent.version !== input.version) throw badInput('version', { zh: `您回复的评论位于第 ${parent.version} 版`, en: `The comment you reply to is on version ${parent.version}` });
        if (input.anchor) throw badInput('anchor', { zh: '回复沿用所回复评论的位置，不能另设', en: 'A reply shares the anchor of its comment' });
        parentId = parent.parentId ?? parent.id; // one level of replies: a reply to a reply joins the thread
      }
      const anchor = input.anchor ? this.checkAnchor(input.anchor, rev) : null;
      const saved = tx.em.create(LessonPlanComment, {
        id: tx.newId('lesson_plan_comment'),
        planId: a.plan.id,
        version: input.version,
        parentId,
        anchor,
        text: input.text,
        authorUserId: tx.user.accountId, // a comment is signed by an account
        authorTeacherId: tx.user.teacherId,
        createdAt: tx.now(),
        resolvedAt: null,
        resolvedBy: null,
      });
      await tx.em.insert(LessonPlanComment, saved);
      await this.events.emit(tx, a.plan, LessonPlanEventType.COMMENT_ADDED, { commentId: saved.id, published: rev.publishedAt !== null });
      return saved;
    });
  }

  private checkAnchor(anchor: NonNullable<CommentOnLessonPlanInput['anchor']>, rev: LessonPlanRevision) {
    const { section, fromLine, toLine } = anchor;
    if (section !== LessonPlanSection.CONTENT) {
      if (fromLine || toLine) throw badInput('anchor.fromLine', { zh: '行号范围只适用于正文（CONTENT）部分', en: 'Line ranges point into the CONTENT section' });
      return { section };
    }
    if ((fromLine === undefined) !== (toLine === undefined)) throw badInput(fromLine === undefined ? 'anchor.fromLine' : 'anchor.toLine', { zh: 'fromLine 和 toLine 须同时填写或同时不填', en: 'Give both fromLine and toLine, or neither' });
    if (fromLine === undefined) return { section };
    if (fromLine > toLine!) throw badInput('anchor.toLine', { zh: 'toLine 不能小于 fromLine', en: 'toLine is at or after fromLine' });
    const n = lineCount(rev.content);
    if (toLine! > n) throw badInput('anchor.toLine', { zh: `第 ${rev.version} 版共 ${n} 行`, en: `Version ${rev.version} has ${n} lines` });
    return { section, fromLine, toLine };
  }

  resolveComment(ctx: RequestContext, commentId: string): Promise<LessonPlanComment> {
    return this.tx.run(ctx, async (tx) => {
      const comment = await tx.em.findOne(LessonPlanComment, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
      if (!comment) throw notFound('Comment', commentId);
      const a = await this.access.plan(tx, comment.planId);
      if (!a.read) throw notFound('Comment', commentId); // a hidden plan's comment: like an unknown id
      const onPublished = await tx.em.existsBy(LessonPlanRevision, { planId: comment.planId, version: comment.version, publishedAt: Not(IsNull()) });
      if (!a.drafts && !onPublished) throw notFound('Comment', commentId); // a draft's comment is hidden: like an unknown id
      if (comment.parentId) throw badInput('commentId', { zh: '请在该讨论的第一条评论上标记解决', en: 'Resolve the thread’s first comment' });
      if (comment.authorUserId !== tx.user.userId && !a.member && !a.reviewer && !a.owner)
        throw forbidden({ zh: '只有评论作者、备课组成员或审核人可以标记评论已解决', en: 'The author, a member of the team or its reviewer resolves a comment' });
      if (comment.resolvedAt) throw conflict({ zh: '该评论已标记为解决', en: 'This comment is already resolved' });
      comment.resolvedAt = tx.now();
      comment.resolvedBy = tx.user.userId;
      await tx.em.save(comment);
      await this.events.emit(tx, a.plan, LessonPlanEventType.COMMENT_RESOLVED, { commentId: comment.id, published: onPublished });
      return comment;
    });
  }

  /** Top-level comments the caller may see (all for the team, those on published versions for others), oldest first. */
  async comments(ctx: RequestContext, plan: PlanView, version?: number | null, includeResolved = true): Promise<LessonPlanComment[]> {
    const all = await this.allComments(ctx, plan);
    return all.filter((c) => !c.parentId && (version == null || c.version === version) && (includeResolved || !c.resolvedAt));
  }

  /** Replies to a thread's first comment, oldest first (batched per request; a reply is on its comment's version). */
  replies(ctx: RequestContext, comment: LessonPlanComment): Promise<LessonPlanComment[]> {
    return groupedBy<LessonPlanComment>(
      ctx,
      'lessonPlanCommentReplies',
      (ids) => ctx.em.find(LessonPlanComment, { where: { parentId: In(ids) }, order: { createdAt: 'ASC' } }),
      (c) => c.parentId!,
    ).load(comment.id);
  }

  private async allComments(ctx: RequestContext, plan: PlanView): Promise<LessonPlanComment[]> {
    const all = await groupedBy<LessonPlanComment>(
      ctx,
      'lessonPlanComments',
      (ids) => ctx.em.find(LessonPlanComment, { where: { planId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (c) => c.planId,
    ).load(plan.id);
    if (plan.viewerSeesDrafts) return all;
    const published = new Set((await this.views.revisions(ctx, plan)).map((r) => r.version));
    return all.filter((c) => published.has(c.version));
  }
}
